from newspith.bench.tools import available_tools


def test_newspith_tool_runs():
    tools, missing = available_tools(["newspith"])
    assert not missing
    text = tools[0].run("<html><body><article><p>" + "Words in a sentence. " * 20 +
                        "</p></article></body></html>", None)
    assert "Words in a sentence." in text


def test_unknown_tool_is_reported_not_raised():
    tools, missing = available_tools(["no-such-tool"])
    assert tools == [] and "unknown" in missing["no-such-tool"]
