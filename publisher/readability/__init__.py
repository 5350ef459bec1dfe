"""Readability of the text as readers get it: syllables, sentences, metrics, lint."""
