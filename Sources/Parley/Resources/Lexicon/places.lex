# Place names the gazetteer lacks: historical, former and informal names. Targets are GeoNames
# admin codes (CC.A1), ISO 3166-1 alpha-2 codes, or geonameids. Curated for Parley.
@lexicon parley 1

place North-West Frontier Province = PK.03
place North West Frontier Province = PK.03
place NWFP = PK.03
place KP = PK.03
place KPK = PK.03
place Federally Administered Tribal Areas = PK.03
place FATA = PK.03
place Tribal Areas = PK.03
place ex-FATA = PK.03
place Azad Kashmir = PK.06
place AJK = PK.06
place Northern Areas = PK.07
place ICT = PK.08
place Baluchistan = PK.02
place Turkiye = TR
place Türkiye = TR
place Turkey = TR
place Burma = MM
place Ivory Coast = CI
place Swaziland = SZ
place Czechia = CZ
place Bombay = 1275339
place Calcutta = 1275004
place Madras = 1264527
place Federal Capital Territory = PK.08
