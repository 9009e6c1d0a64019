from newspith.errors import DecodeError, FetchError, InputError, NewspithError, TooLargeError


def test_hierarchy():
    for cls in (InputError, TooLargeError, DecodeError, FetchError):
        assert issubclass(cls, NewspithError)
    assert issubclass(TooLargeError, InputError)


def test_error_carries_page_and_stage():
    e = FetchError("HTTP 404 Not Found", page_id="p1", url="https://a.example/")
    assert "p1" in str(e) and "https://a.example/" in str(e)
    assert e.to_dict() == {"error": "FetchError", "stage": "fetch", "message": "HTTP 404 Not Found",
                           "page_id": "p1", "url": "https://a.example/"}
