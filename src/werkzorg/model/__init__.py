"""The household model: tax, benefits and childcare rules for a year's parameters
(:mod:`.household`)."""
