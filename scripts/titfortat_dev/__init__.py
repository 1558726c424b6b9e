"""Development tooling: benchmarks, synthetic data, browser tests and screenshots.

The runtime package (titfortat) never imports this one; a test walks the imports to hold that.
"""
