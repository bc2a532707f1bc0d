# Armed and political groups, security bodies and office holders of South Asia, with their roles
# over time. Curated for Parley; dates are the days a role began or ended (public record).
# Format: docs/lexicon-format.md.
@lexicon parley 1

# ---- Afghanistan ------------------------------------------------------------------------------

group Taliban
    alias Taleban
    alias Afghan Taliban
    alias Islamic Emirate
    alias Islamic Emirate of Afghanistan
    alias Taliban government
    alias Taliban administration
    alias Taliban authorities
    role AFGREB until 1996-09-26
    role AFGGOV from 1996-09-27 until 2001-11-13
    role AFGINS from 2001-11-14 until 2021-08-14
    role AFGGOV from 2021-08-15
    note Took Kabul on 1996-09-27 and on 2021-08-15.

group Haqqani network
    alias Haqqani group
    alias Haqqanis
    role AFGINS until 2021-08-14
    role AFGGOV from 2021-08-15

group Islamic State Khorasan Province
    alias Islamic State Khorasan
    alias Islamic State in Khorasan Province
    alias Islamic State-Khorasan
    alias ISKP
    alias IS-K
    alias ISIS-K
    alias ISIL-K
    alias Daesh Khorasan
    alias Islamic State (Afghanistan)
    role AFGINS

group National Resistance Front
    alias National Resistance Front of Afghanistan
    alias NRF
    role AFGREB from 2021-08-15

organization Afghan National Army
    alias ANA
    alias Afghan National Defense and Security Forces
    alias Afghan National Defence and Security Forces
    alias ANDSF
    role AFGMIL until 2021-08-15

organization Afghan National Police
    role AFGCOP until 2021-08-15

organization Afghan Local Police
    alias ALP
    role AFGCOP until 2021-08-15

organization National Directorate of Security
    alias NDS
    role AFGSPY until 2021-08-15

organization General Directorate of Intelligence
    role AFGSPY from 2021-08-15

person Hibatullah Akhundzada
    alias Haibatullah Akhundzada
    alias Mullah Hibatullah
    alias Hibatullah
    role AFGINS from 2016-05-25 until 2021-08-14 as Taliban leader
    role AFGGOV from 2021-08-15 as supreme leader

person Mohammad Hasan Akhund
    alias Mullah Hasan Akhund
    alias Hasan Akhund
    role AFGINS until 2021-08-14
    role AFGGOV from 2021-08-15 as prime minister

person Amir Khan Muttaqi
    alias Muttaqi
    role AFGINS until 2021-08-14
    role AFGGOV from 2021-08-15 as foreign minister

person Sirajuddin Haqqani
    role AFGINS until 2021-08-14
    role AFGGOV from 2021-08-15 as interior minister

person Mohammad Yaqoob
    alias Mullah Yaqoob
    alias Mullah Mohammad Yaqoob
    alias Mohammad Yaqoob Mujahid
    role AFGINS until 2021-08-14
    role AFGGOV from 2021-08-15 as defence minister

person Zabihullah Mujahid
    alias Zabiullah Mujahid
    role AFGINS until 2021-08-14 as Taliban spokesman
    role AFGGOV from 2021-08-15 as government spokesman

person Abdul Ghani Baradar
    alias Mullah Baradar
    alias Mullah Abdul Ghani Baradar
    role AFGINS until 2021-08-14
    role AFGGOV from 2021-08-15 as deputy prime minister

person Mohammad Omar
    alias Mullah Omar
    alias Mullah Mohammad Omar
    role AFGGOV from 1996-09-27 until 2001-11-13 as Taliban leader
    role AFGINS from 2001-11-14 as Taliban leader

person Ashraf Ghani
    alias Mohammad Ashraf Ghani
    alias President Ghani
    role AFGGOV from 2014-09-29 until 2021-08-15 as president
    role AFGELI from 2021-08-16 as former president

person Hamid Karzai
    alias Karzai
    role AFGGOV from 2001-12-22 until 2014-09-28 as president
    role AFGELI from 2014-09-29 as former president

person Abdullah Abdullah
    role AFGOPP until 2014-09-28
    role AFGGOV from 2014-09-29 until 2021-08-15 as chief executive
    role AFGELI from 2021-08-16

# ---- Pakistan ---------------------------------------------------------------------------------

group Tehreek-e-Taliban Pakistan
    alias Tehrik-e-Taliban Pakistan
    alias Tehrik-i-Taliban Pakistan
    alias Tehreek-i-Taliban Pakistan
    alias Tehreek-e-Taliban
    alias Tehrik-e-Taliban
    alias Pakistani Taliban
    alias Pakistan Taliban
    alias TTP
    alias Fitna al-Khawarij
    alias Fitna al Khawarij
    alias Khawarij
    role PAKREB
    note Pakistan's government has called the TTP "Fitna al-Khawarij" since July 2024.

group Jamaat-ul-Ahrar
    alias Jamaatul Ahrar
    alias JuA
    role PAKREB

group Hafiz Gul Bahadur group
    alias Hafiz Gul Bahadur
    role PAKREB

group Lashkar-e-Jhangvi
    alias Lashkar-i-Jhangvi
    alias LeJ
    role PAKRAD

group Baloch Liberation Army
    alias Balochistan Liberation Army
    alias BLA
    alias Fitna al-Hindustan
    role PAKSEP

group Baloch Liberation Front
    alias Balochistan Liberation Front
    alias BLF
    role PAKSEP

group Baloch Republican Army
    alias BRA
    role PAKSEP

group Lashkar-e-Taiba
    alias Lashkar-e-Tayyiba
    alias Lashkar-e-Toiba
    alias Lashkar-i-Taiba
    alias LeT
    alias Jamaat-ud-Dawa
    alias Jamaat-ud-Dawah
    alias JuD
    role PAKRAD

group Jaish-e-Mohammed
    alias Jaish-e-Mohammad
    alias Jaish-e-Muhammad
    alias Jaish-i-Mohammed
    alias JeM
    role PAKRAD

group Tehreek-e-Labbaik Pakistan
    alias Tehreek-i-Labbaik Pakistan
    alias Tehrik-e-Labbaik Pakistan
    alias TLP
    role PAKRAD

group Pashtun Tahafuz Movement
    alias Pashtun Tahaffuz Movement
    alias PTM
    role PAKOPP

organization Pakistan Tehreek-e-Insaf
    alias Pakistan Tehrik-e-Insaf
    alias Pakistan Tehreek-i-Insaf
    alias PTI
    role PAKOPP until 2018-08-17
    role PAKGOV from 2018-08-18 until 2022-04-10
    role PAKOPP from 2022-04-11

organization Pakistan Muslim League-Nawaz
    alias Pakistan Muslim League (Nawaz)
    alias PML-N
    alias PMLN
    role PAKPTY
    role PAKGOV from 2013-06-05 until 2018-05-31
    role PAKOPP from 2018-08-18 until 2022-04-10
    role PAKGOV from 2022-04-11 until 2023-08-13
    role PAKGOV from 2024-03-04

organization Pakistan Peoples Party
    alias Pakistan People's Party
    alias PPP
    role PAKPTY

organization Inter-Services Intelligence
    alias Inter Services Intelligence
    alias ISI
    role PAKSPY

organization Inter-Services Public Relations
    alias Inter Services Public Relations
    alias ISPR
    role PAKMIL

organization Frontier Corps
    alias FC
    role PAKMIL

organization Awami National Party
    alias ANP
    role PAKPTY

organization Muttahida Qaumi Movement
    alias MQM
    role PAKPTY

organization Jamaat-e-Islami
    alias Jamaat-i-Islami
    role PAKPTY

organization Jamiat Ulema-e-Islam
    alias Jamiat Ulema-e-Islam-Fazl
    alias JUI-F
    role PAKPTY

group Ahle Sunnat Wal Jamaat
    alias ASWJ
    role PAKRAD

group Lashkar-e-Islam
    role PAKREB

organization Pakistan Rangers
    alias Rangers
    role PAKMIL

organization Counter Terrorism Department
    alias Counter-Terrorism Department
    alias CTD
    role PAKCOP

person Shehbaz Sharif
    alias Shahbaz Sharif
    alias Muhammad Shehbaz Sharif
    role PAKOPP until 2022-04-10 as opposition leader
    role PAKGOV from 2022-04-11 until 2023-08-13 as prime minister
    role PAKPTY from 2023-08-14 until 2024-03-03
    role PAKGOV from 2024-03-04 as prime minister

person Asif Ali Zardari
    alias Zardari
    role PAKGOV from 2008-09-09 until 2013-09-08 as president
    role PAKPTY from 2013-09-09 until 2024-03-09
    role PAKGOV from 2024-03-10 as president

person Khawaja Muhammad Asif
    alias Khawaja Asif
    role PAKGOV from 2013-06-07 until 2018-05-31 as minister
    role PAKOPP from 2018-06-01 until 2022-04-18
    role PAKGOV from 2022-04-19 until 2023-08-13 as defence minister
    role PAKPTY from 2023-08-14 until 2024-03-10
    role PAKGOV from 2024-03-11 as defence minister

person Ishaq Dar
    alias Muhammad Ishaq Dar
    role PAKPTY until 2024-03-10
    role PAKGOV from 2024-03-11 as foreign minister

person Attaullah Tarar
    alias Atta Tarar
    alias Azma Tarar
    role PAKPTY until 2024-03-10
    role PAKGOV from 2024-03-11 as information minister

person Mohsin Naqvi
    alias Syed Mohsin Naqvi
    role PAKGOV from 2023-01-22 until 2024-02-25 as caretaker chief minister
    role PAKGOV from 2024-03-11 as interior minister

person Asim Munir
    alias Syed Asim Munir
    alias General Asim Munir
    role PAKSPY from 2018-10-25 until 2019-06-16 as intelligence chief
    role PAKMIL from 2022-11-29 as army chief

person Ahmed Sharif Chaudhry
    alias Ahmed Sharif
    role PAKMIL from 2022-12-06 as military spokesman

person Imran Khan
    role PAKOPP until 2018-08-17 as opposition leader
    role PAKGOV from 2018-08-18 until 2022-04-10 as prime minister
    role PAKOPP from 2022-04-11 as opposition leader

person Nawaz Sharif
    alias Mian Nawaz Sharif
    alias Muhammad Nawaz Sharif
    role PAKPTY
    role PAKGOV from 1997-02-17 until 1999-10-12 as prime minister
    role PAKGOV from 2013-06-05 until 2017-07-28 as prime minister
    note Removed by Musharraf's coup on 1999-10-12; disqualified by the Supreme Court on 2017-07-28.

person Maryam Nawaz
    alias Maryam Nawaz Sharif
    role PAKPTY until 2024-02-25
    role PAKGOV from 2024-02-26 as chief minister

person Bilawal Bhutto Zardari
    alias Bilawal Bhutto
    role PAKPTY
    role PAKGOV from 2022-04-27 until 2023-08-10 as foreign minister

person Ali Amin Gandapur
    role PAKPTY until 2024-03-01
    role PAKGOV from 2024-03-02 until 2025-10-12 as chief minister
    role PAKPTY from 2025-10-13

person Sohail Afridi
    role PAKPTY until 2025-10-12
    role PAKGOV from 2025-10-13 as chief minister

person Sarfraz Bugti
    role PAKGOV from 2024-03-02 as chief minister

person Noor Wali Mehsud
    alias Mufti Noor Wali Mehsud
    alias Mufti Noor Wali
    role PAKREB as TTP chief

# ---- India, Bangladesh and neighbours ---------------------------------------------------------

organization Research and Analysis Wing
    alias Research & Analysis Wing
    alias RAW
    role INDSPY

group Hizbul Mujahideen
    alias Hizb-ul-Mujahideen
    role INDSEP

group The Resistance Front
    alias TRF
    role INDREB

group Communist Party of India (Maoist)
    alias CPI (Maoist)
    alias CPI-Maoist
    alias Maoists
    alias Naxalites
    alias Naxals
    role INDREB

person Narendra Modi
    alias Modi
    role INDGOV from 2001-10-07 until 2014-05-21 as chief minister
    role INDGOV from 2014-05-26 as prime minister

person Rajnath Singh
    role INDGOV from 2019-05-31 as defence minister

person Subrahmanyam Jaishankar
    alias S. Jaishankar
    alias Jaishankar
    role INDGOV from 2019-05-30 as external affairs minister

person Amit Shah
    role INDGOV from 2019-05-30 as home minister

person Manmohan Singh
    role INDGOV from 2004-05-22 until 2014-05-26 as prime minister

person Muhammad Yunus
    role BGDGOV from 2024-08-08 as chief adviser

person Sheikh Hasina
    alias Sheikh Hasina Wazed
    role BGDGOV from 1996-06-23 until 2001-07-15 as prime minister
    role BGDOPP from 2001-07-16 until 2009-01-05
    role BGDGOV from 2009-01-06 until 2024-08-05 as prime minister
    role BGDOPP from 2024-08-06

# ---- Mediators and other governments --------------------------------------------------------

organization National Intelligence Organization
    alias National Intelligence Organisation
    alias Turkish National Intelligence Organization
    alias MIT
    role TURSPY

person Recep Tayyip Erdogan
    alias Recep Tayyip Erdoğan
    alias Erdogan
    alias Erdoğan
    role TURGOV from 2003-03-14 as president

person Hakan Fidan
    role TURSPY from 2010-05-27 until 2023-06-03 as intelligence chief
    role TURGOV from 2023-06-04 as foreign minister

person Ibrahim Kalin
    alias İbrahim Kalın
    role TURGOV until 2023-06-04 as presidential spokesman
    role TURSPY from 2023-06-05 as intelligence chief

person Tamim bin Hamad Al Thani
    alias Sheikh Tamim bin Hamad Al Thani
    alias Emir Tamim
    role QATGOV from 2013-06-25 as emir

person Mohammed bin Abdulrahman Al Thani
    alias Sheikh Mohammed bin Abdulrahman Al Thani
    role QATGOV from 2016-01-27 as foreign minister

person Khalid bin Mohammad Al Attiyah
    alias Khalid Al Attiyah
    alias Khalid bin Mohammed Al Attiyah
    role QATGOV from 2013-06-26 as minister

person Donald Trump
    alias Trump
    role USABUS until 2017-01-19
    role USAGOV from 2017-01-20 until 2021-01-20 as president
    role USAOPP from 2021-01-21 until 2025-01-19
    role USAGOV from 2025-01-20 as president

person Joe Biden
    alias Joseph Biden
    alias Biden
    role USAGOV from 2009-01-20 until 2017-01-20 as vice president
    role USAGOV from 2021-01-20 until 2025-01-20 as president
    role USAELI from 2025-01-21

person Marco Rubio
    role USALEG until 2025-01-20 as senator
    role USAGOV from 2025-01-21 as secretary of state

person Zalmay Khalilzad
    alias Khalilzad
    role USAGOV from 2018-09-05 until 2021-10-18 as special envoy

person Xi Jinping
    role CHNGOV from 2012-11-15 as president

person Wang Yi
    role CHNGOV from 2013-03-16 as foreign minister

person Masoud Pezeshkian
    role IRNGOV from 2024-07-28 as president

person Abbas Araghchi
    role IRNGOV from 2024-08-21 as foreign minister

# ---- Earlier office holders and leaders (archives from 1997 on) -------------------------------
# Dates: the day an office was taken or left (public record; Wikipedia's lists of office holders).

person Pervez Musharraf
    alias Musharraf
    alias General Musharraf
    alias General Pervez Musharraf
    role PAKMIL from 1998-10-07 until 1999-10-11 as army chief
    role PAKGOV from 1999-10-12 until 2008-08-18 as president
    role PAKELI from 2008-08-19
    note Chief executive after the coup of 1999-10-12, president from 2001-06-20, army chief until 2007-11-28.

person Yousaf Raza Gilani
    alias Yusuf Raza Gilani
    alias Syed Yousaf Raza Gilani
    alias Gilani
    role PAKPTY
    role PAKGOV from 2008-03-25 until 2012-06-19 as prime minister

person Raja Pervaiz Ashraf
    alias Raja Pervez Ashraf
    role PAKPTY
    role PAKGOV from 2012-06-22 until 2013-03-25 as prime minister

person Shahid Khaqan Abbasi
    role PAKPTY
    role PAKGOV from 2017-08-01 until 2018-05-31 as prime minister

person Anwaar-ul-Haq Kakar
    alias Anwaarul Haq Kakar
    alias Anwar-ul-Haq Kakar
    role PAKGOV from 2023-08-14 until 2024-03-04 as caretaker prime minister

person Benazir Bhutto
    alias Benazir
    role PAKPTY
    role PAKGOV from 1988-12-02 until 1990-08-06 as prime minister
    role PAKGOV from 1993-10-19 until 1996-11-05 as prime minister
    note Killed in Rawalpindi on 2007-12-27.

person Mamnoon Hussain
    role PAKGOV from 2013-09-09 until 2018-09-09 as president

person Arif Alvi
    alias Arif-ur-Rehman Alvi
    role PAKPTY
    role PAKGOV from 2018-09-09 until 2024-03-09 as president

person Shah Mahmood Qureshi
    alias Shah Mehmood Qureshi
    role PAKPTY
    role PAKGOV from 2018-08-20 until 2022-04-10 as foreign minister

person Ashfaq Parvez Kayani
    alias Ashfaq Pervez Kayani
    alias General Kayani
    alias Kayani
    role PAKMIL from 2007-11-28 until 2013-11-29 as army chief

person Raheel Sharif
    alias General Raheel Sharif
    role PAKMIL from 2013-11-29 until 2016-11-29 as army chief

person Qamar Javed Bajwa
    alias General Qamar Javed Bajwa
    alias General Bajwa
    alias Bajwa
    role PAKMIL from 2016-11-29 until 2022-11-29 as army chief

person Baitullah Mehsud
    alias Baitullah
    role PAKREB as TTP chief
    note Founded the TTP in December 2007; killed by a US drone strike on 2009-08-05.

person Hakimullah Mehsud
    alias Hakimullah
    role PAKREB as TTP chief
    note TTP chief from August 2009; killed by a US drone strike on 2013-11-01.

person Mullah Fazlullah
    alias Maulana Fazlullah
    alias Fazlullah
    alias Mullah Radio
    role PAKREB as TTP chief
    note TTP chief from 2013-11-07; killed by a US drone strike in Afghanistan on 2018-06-13.

person Hafiz Muhammad Saeed
    alias Hafiz Saeed
    role PAKRAD as Lashkar-e-Taiba founder

person Masood Azhar
    alias Maulana Masood Azhar
    role PAKRAD as Jaish-e-Mohammed chief

person Akhtar Mansour
    alias Mullah Akhtar Mansour
    alias Akhtar Mohammad Mansour
    alias Mullah Mansour
    role AFGINS as Taliban leader
    note Taliban leader from 2015-07-29; killed by a US drone strike on 2016-05-21.

person Sher Mohammad Abbas Stanikzai
    alias Sher Mohammad Stanikzai
    alias Abbas Stanikzai
    alias Stanikzai
    role AFGINS until 2021-08-14 as Taliban negotiator
    role AFGGOV from 2021-08-15 as deputy foreign minister

group Hezb-e-Islami
    alias Hezb-i-Islami
    alias Hizb-i-Islami
    alias Hezb-e-Islami Gulbuddin
    alias HIG
    role AFGINS until 2016-09-29
    role AFGPTY from 2016-09-30
    note Signed a peace agreement with the Afghan government on 2016-09-29.

person Gulbuddin Hekmatyar
    alias Hekmatyar
    role AFGINS until 2016-09-29 as Hezb-e-Islami leader
    role AFGPTY from 2016-09-30 as Hezb-e-Islami leader

person Amrullah Saleh
    role AFGOPP
    role AFGSPY until 2010-06-06 as intelligence chief
    role AFGGOV from 2020-03-09 until 2021-08-15 as first vice president
    role AFGREB from 2021-08-16
    note Headed the NDS from 2004 until his resignation on 2010-06-06; joined the resistance in Panjshir in August 2021.

person Ahmad Massoud
    role AFGREB from 2021-08-15 as National Resistance Front leader

person Mike Pompeo
    alias Michael Pompeo
    alias Pompeo
    role USASPY from 2017-01-23 until 2018-04-25 as CIA director
    role USAGOV from 2018-04-26 until 2021-01-20 as secretary of state

person Barack Obama
    alias Obama
    role USAGOV from 2009-01-20 until 2017-01-20 as president
    role USAELI from 2017-01-21

person George W. Bush
    role USAGOV from 2001-01-20 until 2009-01-20 as president
    role USAELI from 2009-01-21

person Khaleda Zia
    alias Begum Khaleda Zia
    role BGDOPP
    role BGDGOV from 1991-03-20 until 1996-03-30 as prime minister
    role BGDGOV from 2001-10-10 until 2006-10-29 as prime minister

group Communist Party of Nepal (Maoist)
    alias CPN (Maoist)
    alias CPN-Maoist
    alias Nepali Maoists
    role NPLREB until 2006-11-21
    role NPLPTY from 2006-11-22
    note The Comprehensive Peace Accord of 2006-11-21 ended the insurgency begun in 1996.

person Pushpa Kamal Dahal
    alias Prachanda
    role NPLREB until 2006-11-21 as Maoist leader
    role NPLPTY from 2006-11-22 until 2008-08-17
    role NPLGOV from 2008-08-18 until 2009-05-25 as prime minister
    role NPLPTY from 2009-05-26 until 2016-08-03
    role NPLGOV from 2016-08-04 until 2017-06-07 as prime minister
    role NPLPTY from 2017-06-08 until 2022-12-25
    role NPLGOV from 2022-12-26 until 2024-07-15 as prime minister
    role NPLPTY from 2024-07-16

person Khadga Prasad Sharma Oli
    alias K. P. Sharma Oli
    alias KP Sharma Oli
    role NPLPTY
    role NPLGOV from 2015-10-12 until 2016-08-03 as prime minister
    role NPLGOV from 2018-02-15 until 2021-07-13 as prime minister
    role NPLGOV from 2024-07-15 until 2025-09-09 as prime minister

group Liberation Tigers of Tamil Eelam
    alias LTTE
    alias Tamil Tigers
    role LKASEP
    note Defeated by Sri Lanka's army in May 2009.

person Velupillai Prabhakaran
    alias Prabhakaran
    role LKASEP as LTTE leader
    note Killed on 2009-05-18.

person Mahinda Rajapaksa
    role LKAGOV from 2005-11-19 until 2015-01-09 as president
    role LKAPTY from 2015-01-10 until 2019-11-20
    role LKAGOV from 2019-11-21 until 2022-05-09 as prime minister
    role LKAPTY from 2022-05-10

person Gotabaya Rajapaksa
    role LKAGOV from 2005-11-25 until 2015-01-09 as defence secretary
    role LKAGOV from 2019-11-18 until 2022-07-14 as president
    role LKAELI from 2022-07-15

person Ranil Wickremesinghe
    alias Ranil Wickramasinghe
    role LKAPTY
    role LKAGOV from 2015-01-09 until 2018-10-25 as prime minister
    role LKAGOV from 2018-12-16 until 2019-11-20 as prime minister
    role LKAGOV from 2022-05-12 until 2022-07-20 as prime minister
    role LKAGOV from 2022-07-21 until 2024-09-22 as president

person Anura Kumara Dissanayake
    alias Anura Kumara Dissanayaka
    role LKAPTY until 2024-09-22
    role LKAGOV from 2024-09-23 as president

# ---- Media --------------------------------------------------------------------------------------

media Geo News
    alias Geo TV
    role PAKMED
media Dawn
    alias Dawn News
    role PAKMED
media The Express Tribune
    alias Express Tribune
    role PAKMED
media ARY News
    role PAKMED
media Pakistan Television
    alias PTV
    role PAKMED
media Radio Pakistan
    role PAKMED
media Associated Press of Pakistan
    role PAKMED
media TOLOnews
    alias Tolo News
    role AFGMED
media Pajhwok Afghan News
    alias Pajhwok
    role AFGMED
media Khaama Press
    role AFGMED
media Ariana News
    role AFGMED
media Press Trust of India
    alias PTI news agency
    role INDMED
media Asian News International
    role INDMED
media NDTV
    role INDMED
media Al Jazeera
    role QATMED
media Anadolu Agency
    alias Anadolu
    role TURMED
media Reuters
    role GBRMED
media BBC
    alias British Broadcasting Corporation
    role GBRMED
media Associated Press
    role USAMED
media Agence France-Presse
    alias AFP
    role FRAMED
media Xinhua
    alias Xinhua News Agency
    role CHNMED
