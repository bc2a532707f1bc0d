# A lexicon fixture for the recognizer tests (invented actors).
@lexicon parley 1
code NLD country Northland
code SLD country Southland
code GOV sector Government
code MIL sector Military
code INS sector Insurgents
code OPP sector Opposition
code SPY sector Intelligence
code COP sector Police

country Northland
    demonym Northlandian
    demonym Northlandians
    capital Rivertown
    role NLD

country Southland
    demonym Southlandian
    capital Harbourcity
    role SLD

group Red Wolves
    alias RW
    role SLDINS until 2020-06-30
    role SLDGOV from 2020-07-01

person Anna Maria Berg
    alias Anna Berg
    role NLDOPP until 2019-12-31
    role NLDGOV from 2020-01-01 as defence minister

set !MINISTER! = minister, ministry
agent delegation = ~GOV
agent forces {} = ~MIL
agent !MINISTER! = ~GOV
agent defence !MINISTER! = ~GOV
agent information !MINISTER! = ~GOV
agent regime = ~GOV
agent intelligence {} = ~SPY
agent protester = ~OPP
agent police {} = ~COP

place Old Northland Province = NL.01
