"""Compare, changes, rumors, AI training: rendered from the catalog, and no dead internal link."""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit


from markupsafe import escape

from webapp import create_app

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_app(tmp_path, edit=None):
    shutil.copytree(FIXTURES / "apps", tmp_path / "apps")
    if edit:
        path = tmp_path / "apps" / "demo.yaml"
        path.write_text(edit(path.read_text()))
    return create_app({"TESTING": True, "CONTENT_DIR": str(tmp_path)}).test_client()


def rows(html):
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', html)


def test_compare_is_built_from_the_catalog(tmp_path):
    client = fixture_app(tmp_path)
    html = client.get("/en/compare/").get_data(as_text=True)
    assert rows(html) == ["Demo Chat"]
    assert "Opt-in" in html and "Not offered" in html
    assert rows(client.get("/en/compare/?need=groups").get_data(as_text=True)) == []


def test_a_changed_fixture_changes_the_compare_page(tmp_path):
    client = fixture_app(tmp_path, lambda text: text.replace("value: opt-in", "value: default"))
    html = client.get("/en/compare/?need=groups").get_data(as_text=True)
    assert rows(html) == ["Demo Chat"]
    assert "Opt-in" not in html


def test_compare_filters_match_the_catalog(client, catalog):
    html = client.get("/en/compare/?need=chats&need=verify").get_data(as_text=True)
    expected = [a.name for a in catalog if a.statuses["chats"].value == "default" and a.verification == "keys"]
    assert rows(html) == expected
    assert 'value="chats" checked' in html


def test_compare_fragment_pushes_the_page_url(client):
    response = client.get("/en/compare/table?need=calls&need=chats", headers={"HX-Request": "true"})
    assert response.headers["HX-Push-Url"] == "/en/compare/?need=chats&need=calls"
    assert "<html" not in response.get_data(as_text=True)


def test_unknown_compare_filter_is_a_400(client):
    assert client.get("/en/compare/?need=telepathy").status_code == 400


def test_changes_page_lists_every_change_newest_first(client, catalog):
    html = client.get("/en/changes/").get_data(as_text=True)
    dates = re.findall(r'<time datetime="([\d-]+)">', html)
    assert len(dates) == sum(len(app.changes) for app in catalog)
    assert dates == sorted(dates, reverse=True)


def test_changes_page_of_a_fixture_shows_its_change(tmp_path):
    html = fixture_app(tmp_path).get("/en/changes/").get_data(as_text=True)
    assert "The code moved to the Privacy menu." in html
    assert 'href="/en/demo/#demo.verify.code"' in html


def test_ai_training_is_reachable_from_facebook_and_instagram(client):
    for app in ("facebook", "instagram"):
        assert 'href="/en/ai-training/"' in client.get(f"/en/{app}/").get_data(as_text=True)
    html = client.get("/en/ai-training/").get_data(as_text=True)
    assert "27 May 2025" in html and "instagram.object.eu-ai-training" in html


def test_retired_app_has_a_page_not_a_404(client):
    response = client.get("/en/skype/")
    assert response.status_code == 200
    assert "5 May 2025" in response.get_data(as_text=True)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src", "data-hx-get", "action"):
            if attrs.get(name):
                self.links.append(attrs[name])


def test_no_internal_link_is_dead(client):
    """Crawl every page from /en/, following links, sources, htmx URLs and anchors."""
    seen, queue, anchors, ids = set(), ["/en/"], [], {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, f"{url} -> {response.status_code}"
        if response.mimetype != "text/html":
            continue
        parser = _Links()
        parser.feed(response.get_data(as_text=True))
        ids[urlsplit(url).path + ("?" + urlsplit(url).query if urlsplit(url).query else "")] = parser.ids
        for link in parser.links:
            target = urljoin(url, link)
            if urlsplit(target).netloc == "localhost":  # our own absolute links (hreflang alternates)
                target = target.split("localhost", 1)[1]
            if urlsplit(target).netloc:  # external sources are not crawled
                assert target.startswith("https://"), target
                continue
            page, fragment = urldefrag(target)
            if fragment:
                anchors.append((url, page, fragment))
            queue.append(page)
    assert len(seen) > 40
    for origin, page, fragment in anchors:
        assert fragment in ids.get(page, set()), f"#{fragment} missing on {page} (linked from {origin})"


def test_rumor_cards_lead_with_the_verdict_in_one_sentence(client, catalog):
    html = client.get("/en/rumors/").get_data(as_text=True)
    for rumor in catalog.topics.rumors:
        card = html[html.index(f'id="{rumor.id}"'):]
        answer = card.index('class="rumor__answer"')
        assert answer < card.index("What is true")
        assert str(escape(rumor.what_is_true.split(". ")[0].rstrip("."))) in card[answer:answer + 600]
