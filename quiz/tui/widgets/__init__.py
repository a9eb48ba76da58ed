"""Small widgets that render state and post past-tense messages up to their screen."""
