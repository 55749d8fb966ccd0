"""Graph stores and the queries analysts ask of them."""
