import Testing

@testable import Markup
@testable import ThreadModel

/// Media, embeds and previews in comment HTML become one readable line each.
@Suite struct HTMLStandInTests {
    @Test func pictureBecomesImageLineNamedByItsFile() {
        #expect(
            HTMLText.convert(#"<p><img src="https://x.org/uploads/ahh.gif?v=2" alt="image" width="36"></p>"#)
                == "[image: ahh.gif]")
    }

    @Test func pictureWithAltTextIsNamedByIt() {
        #expect(
            HTMLText.convert(#"<p>look <img src="/a/b.png" alt="the plan"> here</p>"#) == "look [image: the plan] here")
    }

    @Test func emojiImageBecomesItsName() {
        #expect(
            HTMLText.convert(#"<p>ok <img src="h.png?v=9" title=":heart:" class="emoji" alt=":heart:"></p>"#)
                == "ok :heart:")
        #expect(
            HTMLText.convert(#"<p>ok <img src="h.png" title=":tada:" class="emoji only-emoji"></p>"#) == "ok :tada:")
    }

    @Test func lightboxShowsTheImageAndItsLinkButNotTheCaption() {
        let html = """
            <p><div class="lightbox-wrapper"><a class="lightbox" href="https://d.org/original/abc.png" \
            title="image"><img src="https://d.org/optimized/abc_2_690x388.png" alt="image" width="690"><div \
            class="meta"><svg class="fa d-icon"><use href="#far-image"></use></svg><span class="filename">image\
            </span><span class="informations">1920×1080 94.2 KB</span><svg class="fa"><use href="#expand"></use>\
            </svg></div></a></div></p>
            """
        #expect(HTMLText.convert(html) == "[image: abc_2_690x388.png] <https://d.org/original/abc.png>")
    }

    @Test func avatarInAQuoteHeaderShowsNothing() {
        let html = """
            <aside class="quote no-group" data-username="orefkov"><div class="title"><div class="quote-controls">\
            </div><img alt="" width="20" src="https://cdn/avatar/40.png" class="avatar"> orefkov:</div>\
            <blockquote><p>AngelScript</p></blockquote></aside><p>reply</p>
            """
        #expect(HTMLText.convert(html) == "orefkov:\n\n> AngelScript\n\nreply")
    }

    @Test func oneboxBecomesLinkLineWithItsHeading() {
        let html = """
            <p>Note that:</p>
            <aside class="onebox allowlistedgeneric">
              <header class="source"><img src="https://gitlab.com/fav.png" class="site-icon" width="32">
                  <a href="https://gitlab.com/gitlab-org/gitlab-foss" target="_blank">GitLab</a></header>
              <article class="onebox-body"><img src="https://a/logo.png" class="thumbnail onebox-avatar">
            <h3><a href="https://gitlab.com/gitlab-org/gitlab-foss">GitLab.org / GitLab FOSS</a></h3>
            <p>GitLab FOSS is a read-only mirror of GitLab...</p>
              </article><div class="onebox-metadata"></div><div style="clear: both"></div>
            </aside>
            <p>after</p>
            """
        #expect(
            HTMLText.convert(html)
                == "Note that:\n\n[link: GitLab.org / GitLab FOSS <https://gitlab.com/gitlab-org/gitlab-foss>]\n\nafter"
        )
    }

    @Test func lazyYouTubeVideoBecomesVideoLine() {
        let html = """
            <div class="lazy-video-container" data-video-id="dQw4w9WgXcQ" data-video-title="Never" \
            data-provider-name="youtube"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" \
            class="video-thumbnail"><img class="youtube-thumbnail" src="https://i.ytimg.com/hq.jpg" title="Never"></a>\
            </div>
            """
        #expect(HTMLText.convert(html) == "[video: Never <https://www.youtube.com/watch?v=dQw4w9WgXcQ>]")
    }

    /// Before: `[video: Urho3d &amp; Nvidia PhysX …]`: Discourse escapes the video's title twice.
    @Test func aLazyVideoTitleEscapedTwiceShowsItsCharacters() {
        let html = """
            <div class="lazy-video-container" data-video-id="abc" data-video-title="Urho3d &amp;amp; Nvidia PhysX" \
            data-provider-name="youtube"></div>
            """
        #expect(HTMLText.convert(html) == "[video: Urho3d & Nvidia PhysX <https://www.youtube.com/watch?v=abc>]")
    }

    @Test func videoElementBecomesVideoLineWithItsSource() {
        let html = """
            <p>clip:</p><div class="video-container"><video width="100%" controls><source \
            src="https://d.org/uploads/clip.mp4"><a href="https://d.org/uploads/clip.mp4">https://d.org/uploads/clip.mp4\
            </a></video></div>
            """
        #expect(HTMLText.convert(html) == "clip:\n\n[video: <https://d.org/uploads/clip.mp4>]")
        #expect(
            HTMLText.convert(#"<div class="video-placeholder-container" data-video-src="//d.org/v.mp4"></div>"#)
                == "[video: <https://d.org/v.mp4>]")
    }

    @Test func iframeBecomesEmbedOrVideoLine() {
        #expect(
            HTMLText.convert(#"<iframe src="https://www.youtube.com/embed/abc" title="A talk">fallback</iframe>x"#)
                == "[video: A talk <https://www.youtube.com/embed/abc>]\n\nx")
        #expect(
            HTMLText.convert(#"<iframe src="https://maps.example/e"></iframe>"#) == "[embed: <https://maps.example/e>]")
    }

    @Test func checklistBoxesReadAsBrackets() {
        let html = """
            <ul><li><span class="chcklst-box checked fa fa-square-check-o fa-fw"></span> done</li>            <li><span class="chcklst-box fa fa-square-o fa-fw"></span> to do</li></ul>
            """
        #expect(HTMLText.convert(html) == "- [x] done\n- [ ] to do")
    }

    @Test func mentionsAndHashtagsReadAsText() {
        let html = """
            <p><a class="mention" href="/u/sinoid">@Sinoid</a> see <a class="hashtag-cooked" href="/c/dev/4" \
            data-type="category"><span class="hashtag-icon-placeholder"><svg><use href="#square-full"></use></svg>\
            </span><span>dev</span></a> and <a class="hashtag" href="/t/x">#<span>old</span></a></p>
            """
        #expect(HTMLText.convert(html) == "@Sinoid see #dev and #old")
    }
}
