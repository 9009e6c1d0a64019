"""Shop pages' bodies (``extract.pagebody``): a product's or a category's customer reviews and
shelves of other products are not its content; a short grid of items is."""

from __future__ import annotations

import json

import newspith

PROSE = ("The council met on Tuesday to discuss the harbour budget, and members argued for an "
         "hour about the ferry timetable before they agreed to a plan for next year. ")


def _reviews(item_class: str = "review-item") -> str:
    """Three customers' reviews of a kettle, each in an ``item_class`` box."""
    return "".join(
        f'<div class="{item_class}"><h4>Review {i}: boils fast</h4><p>Review {i}: I bought this '
        f'kettle for the office and it has boiled water every morning for a month without a '
        f'fault, though the lid sticks a little when it is hot.</p></div>' for i in range(3))


def _shop_page(reviews_class: str, description: str, item_class: str = "review-item") -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "Product", "name": "Kettle",
                     "offers": {"@type": "Offer", "price": "39.00"}})
    reviews = _reviews(item_class)
    return (f'<html><head><script type="application/ld+json">{ld}</script></head><body><main>'
            f'<h1>Kettle</h1><div class="product-description">{description}</div>'
            f'<div class="{reviews_class}"><h3>Customer reviews</h3>{reviews}</div>'
            f'</main></body></html>')


def test_a_products_customer_reviews_are_not_its_content():
    description = ("<p>A steel kettle that boils fast and pours clean, with a long spout and a "
                   "lid that opens wide for cleaning.</p><ul><li>Capacity: 1.7 litres</li>"
                   "<li>Power: 2200 W</li></ul>")
    for widget in ("product-reviews", "okeReviews-widget", "jdgm-widget"):
        a = newspith.extract(_shop_page(widget, description),
                             url="https://shop.example/products/kettle")
        assert a.page_type == "product"
        assert "pours clean" in a.text and "Capacity: 1.7 litres" in a.text
        assert "Review" not in a.text, widget
    # "preview" names no reviews.
    a = newspith.extract(_shop_page("product-preview", description, "item"),
                         url="https://shop.example/products/kettle")
    assert "Review 2:" in a.text


def test_a_shop_categorys_customer_reviews_are_not_its_content():
    grid = "".join(f'<li class="product-card"><h3>Steel kettle model {i}</h3><p>$3{i}.00</p>'
                   f'</li>' for i in range(8))
    html = (f'<html><body><main><h1>Kettles</h1><ul class="product-grid">{grid}</ul>'
            f'<div class="product-reviews"><h3>What customers say</h3>{_reviews()}</div>'
            f'</main></body></html>')
    a = newspith.extract(html, url="https://shop.example/collections/kettles")
    assert a.page_type == "collection"
    assert "Steel kettle model 0" in a.text and "Steel kettle model 7" in a.text
    assert "Review" not in a.text


def test_a_short_shop_grid_under_a_heading_is_read_whole():
    # Eight items with prices and no declared type: far too little text for the page
    # fallback, and the page's heading is all the article ladder finds.
    menu = "".join(f'<li class="menu-item"><a href="/m/{i}">Menu entry {i}</a></li>'
                   for i in range(6))
    grid = "".join(f'<li class="product"><a href="/c/{i}"><h2>Electric kettle {i}</h2></a>'
                   f'<span class="price">$3{i}.00</span></li>' for i in range(8))
    html = (f'<html><body><div id="top"><ul id="secondary-nav">{menu}</ul></div>'
            f'<div class="container"><div id="left-area"><header class="products-header">'
            f'<h1 class="page-title">Kitchen and home</h1></header>'
            f'<ul class="products columns-3">{grid}</ul></div></div></body></html>')
    a = newspith.extract(html, url="https://shop.example/kitchen/")
    assert a.page_type == "collection"
    assert "Electric kettle 0" in a.text and "$37.00" in a.text
    assert "Menu entry" not in a.text


def test_a_body_that_is_all_review_stays():
    a = newspith.extract(_shop_page("product-reviews", ""),
                         url="https://shop.example/products/kettle")
    assert "Review 0:" in a.text and "Review 2:" in a.text


def test_a_products_shelves_of_other_products_are_cut():
    shelf = "".join(f'<div class="tile"><p>Travel kettle model {i}, steel, 0.8 litres, '
                    f'folding handle and a case</p><p>$2{i}.00</p></div>' for i in range(4))
    description = ("<h2>About this item</h2><p>A steel kettle that boils fast and pours clean, "
                   "with a long spout and a lid that opens wide for cleaning.</p>"
                   f"<h3>Customers also viewed</h3>{shelf}"
                   "<h3>Specifications</h3><ul><li>Capacity: 1.7 litres</li>"
                   "<li>Power: 2200 W</li></ul>")
    a = newspith.extract(_shop_page("product-reviews", description),
                         url="https://shop.example/products/kettle")
    assert a.page_type == "product"
    assert "pours clean" in a.text and "Capacity: 1.7 litres" in a.text
    assert "Travel kettle" not in a.text and "Customers also viewed" not in a.text


def test_an_editorial_review_in_one_review_region_stays():
    # A review site's page declares a Product (for its star snippet); its one review body is
    # the content, beside a spec box.
    body = "".join(f"<p>Part {i}: {PROSE}</p>" for i in range(4))
    specs = ("<ul class='specs'><li>Capacity: 1.7 litres</li><li>Power: 2200 W</li>"
             "<li>Weight: 1.1 kg</li><li>Price: $39</li></ul>")
    html = _shop_page("product-reviews", "").replace(
        '<div class="product-description"></div>',
        f'<div class="verdict"><p>Verdict: {PROSE}</p>{specs}</div>'
        f'<div class="review-body">{body}</div>')
    a = newspith.extract(html, url="https://shop.example/products/kettle")
    assert a.page_type == "product" and "Part 3:" in a.text
    assert "Review 0:" not in a.text  # the customers' reviews below it still go
