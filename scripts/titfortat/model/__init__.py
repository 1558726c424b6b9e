"""What the data is: the records, their closed vocabularies, dates, quotes, and the checked
dataset. Every other stage works from these types; this package reads no file."""
