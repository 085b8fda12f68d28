"""Command line interface: argparse commands calling the same use cases as the UI."""
