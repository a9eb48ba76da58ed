"""One module per screen; screens render state and forward intent, the Workspace decides."""
