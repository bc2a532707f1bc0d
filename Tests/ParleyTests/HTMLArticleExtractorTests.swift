import Foundation
import Parley
import ParleyTesting
import Testing

@Suite struct HTMLArticleExtractorTests {
    let extractor = HTMLArticleExtractor()

    func fixture(_ name: String, encoding: String.Encoding = .utf8) throws -> String {
        let data = try Data(contentsOf: fixtureURL(name))
        return try #require(String(data: data, encoding: encoding))
    }

    @Test func extractsAWordPressArticleWithoutItsFurniture() throws {
        let article = extractor.extract(try fixture("news-wordpress.html"))
        #expect(article.title == "Border talks stall as envoys trade accusations")
        #expect(article.outlet == "The Valley Ledger")
        #expect(article.url == "https://valleyledger.example/2024/03/18/border-talks-stall/")
        #expect(article.published == Day(year: 2024, month: 3, day: 18))
        #expect(article.publishedSource == .given)
        #expect(article.language == "en-US")
        let text = article.text
        #expect(text.hasPrefix("Negotiators from Arland and Belmora left the third round"))
        #expect(text.contains("had \u{201C}crossed the agreed line\u{201D} twice"))
        #expect(text.contains("heavy artillery & to reopen"))
        #expect(text.hasSuffix("\"But patience on the ground is running out.\""))
        for boilerplate in [
            "Skip to content", "Politics", "Posted on", "Share this", "Twitter", "Similar Posts", "Ridge clash",
            "thoughts on", "ashamed", "Leave a Reply", "Recent Posts", "Markets steady", "All rights reserved",
            "cookies", "not text", "Posted in",
        ] {
            #expect(!text.contains(boilerplate), "kept \(boilerplate)")
        }
    }

    @Test func putsHeadingsAndListItemsOnTheirOwnLines() throws {
        let text = extractor.extract(try fixture("news-wordpress.html")).text
        #expect(text.contains("denied.\n\nMediators urge restraint\n\nEnvoys from"))
        #expect(text.contains("field commanders.\n\nThe next round is planned for April 2\nBoth sides agreed"))
    }

    @Test func extractsAModernPageWithAdsAndUnclosedParagraphs() throws {
        let article = extractor.extract(try fixture("news-modern.html"))
        #expect(article.title == "Ceasefire holds in northern province, officials say")
        #expect(article.outlet == "Harbor Times")
        #expect(article.published == Day(year: 2023, month: 11, day: 7))
        #expect(article.url == "https://harbortimes.example/world/ceasefire-holds-northern-province")
        let paragraphs = article.text.components(separatedBy: "\n\n")
        #expect(paragraphs.first?.hasPrefix("A ceasefire between government forces") == true)
        #expect(paragraphs.contains("Prisoner exchange next"))
        #expect(
            paragraphs.contains(
                "Under the agreement, mediated by Qatari and Turkish diplomats, the two sides are to exchange 120 prisoners next week.\nA second phase would open talks on a political settlement."
            ))
        #expect(
            article.text.contains(
                "\u{201C}This is the first real chance for peace in two years,\u{201D} said Lena Park, the UN humanitarian coordinator."
            ))
        #expect(
            article.text.contains(
                "killed at least 1,400 people since 2021, according to local monitors \u{2014} a figure"))
        #expect(article.text.contains("Front commanders met on Sunday, the statement added."))
        for boilerplate in [
            "cookies", "Accept", "Home", "Advertisement", "Read more", "siege of Kalden began", "Share on",
            "morning briefing", "Related", "winter crisis", "Most read", "Storm batters", "About us", "ignore me",
            "Jonas Ruiz",
        ] {
            #expect(!article.text.contains(boilerplate), "kept \(boilerplate)")
        }
    }

    @Test func readsAnOldTableLayoutPageWithBreaksAsParagraphs() throws {
        let article = extractor.extract(try fixture("news-legacy.html", encoding: .windowsCP1252))
        #expect(article.title == "Ministers meet over river dam dispute")
        #expect(article.published == Day(year: 2019, month: 3, day: 14))
        #expect(article.publishedSource == .guessed)
        let paragraphs = article.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 4)
        #expect(paragraphs.first?.hasPrefix("Water ministers from Tessaly") == true)
        #expect(
            paragraphs[2]
                == "\u{201C}We came to listen, and we expect to be heard,\u{201D} Tessaly\u{2019}s minister, Anton Velik, told reporters after the meeting."
        )
        #expect(!article.text.contains("Archive"))
        #expect(!article.text.contains("Copyright"))
    }

    @Test func joinsParagraphsSplitAcrossComponentBlocks() throws {
        let article = extractor.extract(try fixture("news-components.html"))
        #expect(article.title == "Drone strike hits fuel depot near the port")
        #expect(article.outlet == "North Sea Herald")
        #expect(article.url == "https://nsherald.example/news/world-81723456")
        #expect(article.published == Day(year: 2022, month: 4, day: 9))
        let paragraphs = article.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 5)
        #expect(paragraphs.first?.hasPrefix("A drone struck a fuel depot") == true)
        #expect(
            paragraphs.last
                == "Officials have asked residents near the port to keep windows closed because of the smoke.")
        for boilerplate in [
            "Ana Petrova", "Smoke rose", "Related Topics", "Drone warfare", "More on this story",
            "Top Stories", "Talks begin", "Terms of Use", "Copyright", "Sport",
        ] {
            #expect(!article.text.contains(boilerplate), "kept \(boilerplate)")
        }
    }

    @Test func takesTheHeadingWhenTheTitleAddsTheSiteName() {
        let html = """
            <title>Border talks stall - Valley News Network</title>
            <h1>Border talks stall</h1><p>Negotiators left without an agreement on Monday, officials said.</p>
            """
        #expect(extractor.extract(html).title == "Border talks stall")
    }

    @Test func resolvesARelativeCanonicalLink() {
        let html = """
            <link rel="canonical" href="/world/talks"><meta property="og:url" content="https://coast.example/x?utm=1">
            <p>Envoys met again in Lisk on Monday.</p>
            """
        #expect(extractor.extract(html).url == "https://coast.example/world/talks")
    }

    @Test func dropsBylinesAndTagsInsideTheArticle() {
        let html = """
            <article class="post"><div class="entry-meta">Posted on <time>May 2, 2024</time> by Staff</div>
            <div class="entry-content"><p>Border guards exchanged fire near the river crossing overnight, a spokesman said.</p>
            <p>No casualties were reported, and talks are due to resume on Thursday in the capital.</p></div>
            <div class="post-tags">Filed under: Borders, Security</div></article>
            """
        #expect(
            extractor.extract(html).text
                == "Border guards exchanged fire near the river crossing overnight, a spokesman said.\n\n"
                + "No casualties were reported, and talks are due to resume on Thursday in the capital.")
    }

    @Test func mendsMisnestedAndUnclosedTags() {
        let html = "<div><p>First <b>bold <i>both</b> italic</i> end.<p>Second<li>item<div>Third</span></div>"
        let article = extractor.extract(html)
        #expect(article.text == "First bold both italic end.\n\nSecond\n\nitem\n\nThird")
    }

    @Test func dropsHiddenElementsAndBoilerplateLines() {
        let html = """
            <article><p>Troops pulled back from the ridge on Sunday, a spokesman said, after a week of shelling.</p>
            <p style="display: none">Hidden text.</p><p aria-hidden="true">Also hidden.</p>
            <div><span>ADVERTISEMENT</span></div>
            <p>The council welcomed the move and called for talks to resume within a month.</p></article>
            """
        #expect(
            extractor.extract(html).text
                == "Troops pulled back from the ridge on Sunday, a spokesman said, after a week of shelling.\n\n"
                + "The council welcomed the move and called for talks to resume within a month.")
    }

    @Test func dropsTheBlockAfterARelatedHeadingInsideTheBody() {
        let html = """
            <div class="content"><p>Police arrested four men over the attack on the convoy, officials said on Monday.</p>
            <p>The men were held in Eastport and will appear in court on Friday, according to prosecutors.</p>
            <h4>You may also like</h4><p><a href="/1">A story about something else entirely</a></p>
            <p>Another teaser that is not a link but still below the heading.</p></div>
            """
        let text = extractor.extract(html).text
        #expect(text.hasSuffix("according to prosecutors."))
        #expect(!text.contains("teaser"))
    }

    @Test func usesJSONLDArticleBodyWhenThePageHasNoText() {
        let html = """
            <html><head><script type="application/ld+json">
            [{"@type": "WebSite", "name": "Coast Daily"},
             {"@type": ["NewsArticle"], "headline": "Port reopens", "datePublished": "2021-06-01",
              "articleBody": "The port of Lisk reopened on Tuesday after a two-week blockade by protesters.\\nShips began unloading grain."}]
            </script></head><body><div id="app"></div></body></html>
            """
        let article = extractor.extract(html)
        #expect(article.title == "Port reopens")
        #expect(article.outlet == "Coast Daily")
        #expect(article.published == Day(year: 2021, month: 6, day: 1))
        #expect(
            article.text
                == "The port of Lisk reopened on Tuesday after a two-week blockade by protesters.\n\nShips began unloading grain."
        )
    }

    @Test func ignoresAnUnreadableJSONLDBlock() {
        let html = #"<script type="application/ld+json">{"@type": "NewsArticle", oops}</script><p>Text stays.</p>"#
        let article = extractor.extract(html)
        #expect(article.text == "Text stays.")
        #expect(article.published == nil)
    }

    @Test func survivesDeepNestingAndEmptyPages() {
        let deep =
            String(repeating: "<div>", count: 5000) + "<p>Deep text.</p>" + String(repeating: "</div>", count: 10)
        #expect(extractor.extract(deep).text == "Deep text.")
        #expect(extractor.extract("").text.isEmpty)
        #expect(extractor.extract("<html><body><nav><a href=/>Home</a></nav></body></html>").text.isEmpty)
    }
}
