"""Plan: from a checked dataset to the site's pages, each with a template and what it shows.

Pure: nothing here reads or writes a file, or makes markup (templates do, in render/).
"""
