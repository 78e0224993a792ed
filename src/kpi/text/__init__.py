"""Text to objects: normalising what documents write, the grammar, and the parser built from it."""
