"""Suite-wide test set-up: pytester for the plugin tests (it must be declared at the root)."""

pytest_plugins = ["pytester"]
