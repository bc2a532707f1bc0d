# Code segments every Parley lexicon may use: CAMEO actor codes (country, international,
# sector and group segments). A code is a sequence of declared three-character segments,
# e.g. PAK + GOV, IGO + UNO, AFG + REB. Countries are ISO 3166-1 alpha-3 (from GeoNames);
# the rest follow the CAMEO actor codebook (Schrodt, Gerner et al.; facts only).
@lexicon parley 1

# Regions and transnational prefixes
code IGO international Inter-governmental organisation
code NGO international Non-governmental organisation
code NGM international Non-governmental movement
code IMG international International militarized group
code MNC international Multinational corporation
code AFR international Africa
code ASA international Asia
code EUR international Europe
code MEA international Middle East
code SAS international South Asia
code SEA international Southeast Asia
code CAS international Central Asia
code NAF international North Africa
code WAF international West Africa
code EAF international East Africa
code SAF international Southern Africa
code LAM international Latin America
code NMR international North America
code WST international The West
code CAU international Caucasus
code BLK international Balkans
code PGS international Persian Gulf states
code KOS international Kosovo (CAMEO)
code XKX international Kosovo (user-assigned ISO code)

# Roles and sectors
code GOV sector Government
code MIL sector Military
code REB sector Rebels
code INS sector Insurgents
code OPP sector Political opposition
code PTY sector Political party
code COP sector Police
code JUD sector Judiciary
code SPY sector State intelligence
code MED sector Media
code EDU sector Education
code BUS sector Business
code CRM sector Criminal
code CVL sector Civilians
code LAB sector Labour
code LEG sector Legislature
code HLH sector Health
code REF sector Refugees
code AGR sector Agriculture
code ELI sector Elites
code RAD sector Radicals
code REL sector Religious
code MOD sector Moderates
code UAF sector Unidentified armed forces
code HRI sector Human rights
code ENV sector Environment
code SEP sector Separatists
code DEV sector Development
code IRC sector Red Cross
code UIS sector Unidentified state actor
code SET sector Settlers
code FRM sector Foreign ministry
code NAV sector Navy
code AFC sector Air force
code MOS group Muslim
code SHI group Shia
code SUN group Sunni
code CHR group Christian
code CTH group Catholic
code HIN group Hindu
code BUD group Buddhist
code SIK group Sikh
code JEW group Jewish

# Organisations and groups (after IGO, NGO, IMG or a country)
code UNO group United Nations
code NAT group NATO
code EEU group European Union
code AFB group African Union / African bodies
code ARL group Arab League
code ASN group ASEAN
code OIC group Organisation of Islamic Cooperation
code SCO group Shanghai Cooperation Organisation
code SAA group SAARC
code GCC group Gulf Cooperation Council
code IMF group International Monetary Fund
code WBK group World Bank
code WHO group World Health Organization
code WFP group World Food Programme
code HCR group UN refugee agency (UNHCR)
code KID group UNICEF
code IAE group International Atomic Energy Agency
code ICC group International Criminal Court
code RCR group Red Cross / Red Crescent
code AMN group Amnesty International
code HRW group Human Rights Watch
code MSF group Doctors Without Borders
code TAL group Taliban
code TTP group Tehreek-e-Taliban Pakistan
code ISK group Islamic State Khorasan Province
code ISI group Islamic State
code ALQ group Al-Qaeda
code BLA group Baloch Liberation Army
code LET group Lashkar-e-Taiba
code JEM group Jaish-e-Mohammed
code HQN group Haqqani network
code HMS group Hamas
code HEZ group Hezbollah

# Countries and territories (ISO 3166-1 alpha-3)
code ABW country Aruba
code AFG country Afghanistan
code AGO country Angola
code AIA country Anguilla
code ALA country Aland Islands
code ALB country Albania
code AND country Andorra
code ANT country Netherlands Antilles
code ARE country United Arab Emirates
code ARG country Argentina
code ARM country Armenia
code ASM country American Samoa
code ATA country Antarctica
code ATF country French Southern Territories
code ATG country Antigua and Barbuda
code AUS country Australia
code AUT country Austria
code AZE country Azerbaijan
code BDI country Burundi
code BEL country Belgium
code BEN country Benin
code BES country Bonaire, Saint Eustatius and Saba 
code BFA country Burkina Faso
code BGD country Bangladesh
code BGR country Bulgaria
code BHR country Bahrain
code BHS country Bahamas
code BIH country Bosnia and Herzegovina
code BLM country Saint Barthelemy
code BLR country Belarus
code BLZ country Belize
code BMU country Bermuda
code BOL country Bolivia
code BRA country Brazil
code BRB country Barbados
code BRN country Brunei
code BTN country Bhutan
code BVT country Bouvet Island
code BWA country Botswana
code CAF country Central African Republic
code CAN country Canada
code CCK country Cocos Islands
code CHE country Switzerland
code CHL country Chile
code CHN country China
code CIV country Ivory Coast
code CMR country Cameroon
code COD country Democratic Republic of the Congo
code COG country Republic of the Congo
code COK country Cook Islands
code COL country Colombia
code COM country Comoros
code CPV country Cabo Verde
code CRI country Costa Rica
code CUB country Cuba
code CUW country Curacao
code CXR country Christmas Island
code CYM country Cayman Islands
code CYP country Cyprus
code CZE country Czechia
code DEU country Germany
code DJI country Djibouti
code DMA country Dominica
code DNK country Denmark
code DOM country Dominican Republic
code DZA country Algeria
code ECU country Ecuador
code EGY country Egypt
code ERI country Eritrea
code ESH country Western Sahara
code ESP country Spain
code EST country Estonia
code ETH country Ethiopia
code FIN country Finland
code FJI country Fiji
code FLK country Falkland Islands
code FRA country France
code FRO country Faroe Islands
code FSM country Micronesia
code GAB country Gabon
code GBR country United Kingdom
code GEO country Georgia
code GGY country Guernsey
code GHA country Ghana
code GIB country Gibraltar
code GIN country Guinea
code GLP country Guadeloupe
code GMB country Gambia
code GNB country Guinea-Bissau
code GNQ country Equatorial Guinea
code GRC country Greece
code GRD country Grenada
code GRL country Greenland
code GTM country Guatemala
code GUF country French Guiana
code GUM country Guam
code GUY country Guyana
code HKG country Hong Kong
code HMD country Heard Island and McDonald Islands
code HND country Honduras
code HRV country Croatia
code HTI country Haiti
code HUN country Hungary
code IDN country Indonesia
code IMN country Isle of Man
code IND country India
code IOT country British Indian Ocean Territory
code IRL country Ireland
code IRN country Iran
code IRQ country Iraq
code ISL country Iceland
code ISR country Israel
code ITA country Italy
code JAM country Jamaica
code JEY country Jersey
code JOR country Jordan
code JPN country Japan
code KAZ country Kazakhstan
code KEN country Kenya
code KGZ country Kyrgyzstan
code KHM country Cambodia
code KIR country Kiribati
code KNA country Saint Kitts and Nevis
code KOR country South Korea
code KWT country Kuwait
code LAO country Laos
code LBN country Lebanon
code LBR country Liberia
code LBY country Libya
code LCA country Saint Lucia
code LIE country Liechtenstein
code LKA country Sri Lanka
code LSO country Lesotho
code LTU country Lithuania
code LUX country Luxembourg
code LVA country Latvia
code MAC country Macao
code MAF country Saint Martin
code MAR country Morocco
code MCO country Monaco
code MDA country Moldova
code MDG country Madagascar
code MDV country Maldives
code MEX country Mexico
code MHL country Marshall Islands
code MKD country North Macedonia
code MLI country Mali
code MLT country Malta
code MMR country Myanmar
code MNE country Montenegro
code MNG country Mongolia
code MNP country Northern Mariana Islands
code MOZ country Mozambique
code MRT country Mauritania
code MSR country Montserrat
code MTQ country Martinique
code MUS country Mauritius
code MWI country Malawi
code MYS country Malaysia
code MYT country Mayotte
code NAM country Namibia
code NCL country New Caledonia
code NER country Niger
code NFK country Norfolk Island
code NGA country Nigeria
code NIC country Nicaragua
code NIU country Niue
code NLD country The Netherlands
code NOR country Norway
code NPL country Nepal
code NRU country Nauru
code NZL country New Zealand
code OMN country Oman
code PAK country Pakistan
code PAN country Panama
code PCN country Pitcairn
code PER country Peru
code PHL country Philippines
code PLW country Palau
code PNG country Papua New Guinea
code POL country Poland
code PRI country Puerto Rico
code PRK country North Korea
code PRT country Portugal
code PRY country Paraguay
code PSE country Palestinian Territory
code PYF country French Polynesia
code QAT country Qatar
code REU country Reunion
code ROU country Romania
code RUS country Russia
code RWA country Rwanda
code SAU country Saudi Arabia
code SCG country Serbia and Montenegro
code SDN country Sudan
code SEN country Senegal
code SGP country Singapore
code SGS country South Georgia and the South Sandwich Islands
code SHN country Saint Helena
code SJM country Svalbard and Jan Mayen
code SLB country Solomon Islands
code SLE country Sierra Leone
code SLV country El Salvador
code SMR country San Marino
code SOM country Somalia
code SPM country Saint Pierre and Miquelon
code SRB country Serbia
code SSD country South Sudan
code STP country Sao Tome and Principe
code SUR country Suriname
code SVK country Slovakia
code SVN country Slovenia
code SWE country Sweden
code SWZ country Eswatini
code SXM country Sint Maarten
code SYC country Seychelles
code SYR country Syria
code TCA country Turks and Caicos Islands
code TCD country Chad
code TGO country Togo
code THA country Thailand
code TJK country Tajikistan
code TKL country Tokelau
code TKM country Turkmenistan
code TLS country Timor Leste
code TON country Tonga
code TTO country Trinidad and Tobago
code TUN country Tunisia
code TUR country Turkey
code TUV country Tuvalu
code TWN country Taiwan
code TZA country Tanzania
code UGA country Uganda
code UKR country Ukraine
code UMI country United States Minor Outlying Islands
code URY country Uruguay
code USA country United States
code UZB country Uzbekistan
code VAT country Vatican
code VCT country Saint Vincent and the Grenadines
code VEN country Venezuela
code VGB country British Virgin Islands
code VIR country U.S. Virgin Islands
code VNM country Vietnam
code VUT country Vanuatu
code WLF country Wallis and Futuna
code WSM country Samoa
code XKX country Kosovo
code YEM country Yemen
code ZAF country South Africa
code ZMB country Zambia
code ZWE country Zimbabwe
