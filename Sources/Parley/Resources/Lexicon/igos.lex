# International organisations and NGOs. Curated for Parley. Format: docs/lexicon-format.md.
@lexicon parley 1

organization United Nations
    alias UN
    alias U.N.
    alias UN Security Council
    alias United Nations Security Council
    alias Security Council
    alias UN General Assembly
    alias United Nations General Assembly
    role IGOUNO
organization United Nations Assistance Mission in Afghanistan
    alias UN Assistance Mission in Afghanistan
    alias UNAMA
    role IGOUNO
organization UN refugee agency
    alias UNHCR
    alias United Nations High Commissioner for Refugees
    role IGOUNOHCR
organization UNICEF
    alias United Nations Children's Fund
    role IGOUNOKID
organization World Food Programme
    alias World Food Program
    alias WFP
    role IGOUNOWFP
organization World Health Organization
    alias World Health Organisation
    alias WHO
    role IGOUNOWHO
organization International Atomic Energy Agency
    alias IAEA
    role IGOUNOIAE
organization International Monetary Fund
    alias IMF
    role IGOIMF
organization World Bank
    role IGOWBK
organization International Criminal Court
    alias ICC
    role IGOICC
organization NATO
    alias North Atlantic Treaty Organization
    alias North Atlantic Treaty Organisation
    role IGONAT
organization European Union
    alias EU
    alias E.U.
    alias European Commission
    role IGOEEU
organization Organisation of Islamic Cooperation
    alias Organization of Islamic Cooperation
    alias Organisation of Islamic Conference
    alias OIC
    role IGOOIC
organization Shanghai Cooperation Organisation
    alias Shanghai Cooperation Organization
    alias SCO
    role IGOSCO
organization South Asian Association for Regional Cooperation
    alias SAARC
    role IGOSAA
organization Association of Southeast Asian Nations
    alias ASEAN
    role IGOASN
organization African Union
    role IGOAFB
organization Arab League
    alias League of Arab States
    role IGOARL
organization Gulf Cooperation Council
    alias GCC
    role IGOGCC
organization International Committee of the Red Cross
    alias ICRC
    alias Red Cross
    alias Red Crescent
    role NGORCR
organization Amnesty International
    alias Amnesty
    role NGOAMN
organization Human Rights Watch
    alias HRW
    role NGOHRW
organization Doctors Without Borders
    alias Medecins Sans Frontieres
    alias MSF
    role NGOMSF
group Islamic State
    alias Islamic State of Iraq and Syria
    alias Islamic State of Iraq and the Levant
    alias ISIS
    alias ISIL
    alias Daesh
    alias Daish
    role IMGMOSISI
group Al-Qaeda
    alias al Qaeda
    alias al-Qaida
    alias al Qaida
    alias Al-Qaeda in the Indian Subcontinent
    alias AQIS
    role IMGMOSALQ
group Hamas
    role PSERADHMS
group Hezbollah
    alias Hizbollah
    alias Hizballah
    role LBNRADHEZ
