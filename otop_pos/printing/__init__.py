"""Receipt layout to raster (Qt, headless), ESC/POS transports and the print queue worker."""
