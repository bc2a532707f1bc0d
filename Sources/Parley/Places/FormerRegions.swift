import Foundation

/// Earlier first-level divisions that sources still use after a country redrew its regions.
///
/// Nepal replaced its five development regions (and 14 zones) with seven provinces in 2015; event data
/// coded before the change (ACLED until 2019, for one) names the development region as admin-1. The
/// new provinces cut across the old regions (Madhesh takes districts of the Eastern and Central
/// regions), so the old region of a place is found through its district: each district's region is a
/// fact listed here, and a town takes the region of the nearest district seat.
public enum FormerRegions {
    /// The names of the former regions; a gazetteer record stores the index + 1 (0: none).
    public static let names = [
        "Eastern Development Region", "Central Development Region", "Western Development Region",
        "Mid-Western Development Region", "Far-Western Development Region",
    ]

    /// One district of the former division.
    struct District {
        var name: String
        var seat: String
        var zone: String
        var region: Int
    }

    /// Nepal's 75 districts (as named in the gazetteer's admin-2 table) with their seat, zone and development
    /// region (0 Eastern … 4 Far-Western).
    static let nepal: [District] = {
        let rows: [(Int, String, [(String, String)])] = [
            (
                0, "Mechi",
                [("Taplejung", "Taplejung"), ("Panchthar", "Phidim"), ("Ilam", "Ilam"), ("Jhapa", "Bhadrapur")]
            ),
            (
                0, "Koshi",
                [
                    ("Sankhuwasabha", "Khandbari"), ("Terathum", "Myanglung"), ("Dhankuta", "Dhankuta"),
                    ("Bhojpur", "Bhojpur"), ("Sunsari", "Inaruwa"), ("Morang", "Biratnagar"),
                ]
            ),
            (
                0, "Sagarmatha",
                [
                    ("Solukhumbu", "Salleri"), ("Okhaldhunga", "Okhaldhunga"), ("Khotang", "Diktel"),
                    ("Udayapur", "Gaighat"), ("Saptari", "Rajbiraj"), ("Siraha", "Siraha"),
                ]
            ),
            (
                1, "Janakpur",
                [
                    ("Dolakha", "Charikot"), ("Ramechhap", "Manthali"), ("Sindhuli", "Sindhuli Madhi"),
                    ("Dhanusa", "Janakpur"), ("Mahottari", "Jaleswar"), ("Sarlahi", "Malangwa"),
                ]
            ),
            (
                1, "Bagmati",
                [
                    ("Rasuwa", "Dhunche"), ("Nuwakot", "Bidur"), ("Dhading", "Dhading Besi"),
                    ("Kathmandu", "Kathmandu"),
                    ("Lalitpur", "Patan"), ("Bhaktapur", "Bhaktapur"), ("Kavrepalanchok", "Dhulikhel"),
                    ("Sindhupalchowk", "Chautara"),
                ]
            ),
            (
                1, "Narayani",
                [
                    ("Makwanpur", "Hetauda"), ("Rautahat", "Gaur"), ("Bara", "Kalaiya"), ("Parsa", "Birgunj"),
                    ("Chitwan", "Bharatpur"),
                ]
            ),
            (
                2, "Gandaki",
                [
                    ("Gorkha", "Gorkha"), ("Lamjung", "Besisahar"), ("Tanahun", "Damauli"), ("Syangja", "Syangja"),
                    ("Kaski", "Pokhara"), ("Manag", "Chame"),
                ]
            ),
            (
                2, "Dhaulagiri",
                [("Mustang", "Jomsom"), ("Myagdi", "Beni"), ("Parbat", "Kusma"), ("Baglung", "Baglung")]
            ),
            (
                2, "Lumbini",
                [
                    ("Gulmi", "Tamghas"), ("Palpa", "Tansen"), ("Nawalparasi", "Parasi"),
                    ("Rupandehi", "Siddharthanagar"),
                    ("Kapilbastu", "Taulihawa"), ("Arghakhanchi", "Sandhikharka"),
                ]
            ),
            (
                3, "Rapti",
                [
                    ("Pyuthan", "Pyuthan"), ("Rolpa", "Liwang"), ("Rukum", "Musikot"), ("Salyan", "Salyan"),
                    ("Dang", "Ghorahi"),
                ]
            ),
            (
                3, "Bheri",
                [
                    ("Banke", "Nepalgunj"), ("Bardiya", "Gulariya"), ("Surkhet", "Birendranagar"),
                    ("Dailekh", "Dailekh"),
                    ("Jajarkot", "Khalanga"),
                ]
            ),
            (
                3, "Karnali",
                [
                    ("Dolpa", "Dunai"), ("Jumla", "Jumla"), ("Kalikot", "Manma"), ("Mugu", "Gamgadhi"),
                    ("Humla", "Simikot"),
                ]
            ),
            (
                4, "Seti",
                [
                    ("Bajura", "Martadi"), ("Bajhang", "Chainpur"), ("Achham", "Mangalsen"), ("Doti", "Dipayal"),
                    ("Kailali", "Dhangadhi"),
                ]
            ),
            (
                4, "Mahakali",
                [
                    ("Kanchanpur", "Mahendranagar"), ("Dadeldhura", "Dadeldhura"), ("Baitadi", "Dasharathchand"),
                    ("Darchula", "Darchula"),
                ]
            ),
        ]
        return rows.flatMap { region, zone, districts in
            districts.map { District(name: $0.0, seat: $0.1, zone: zone, region: region) }
        }
    }()
}
