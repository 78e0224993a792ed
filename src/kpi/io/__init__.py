"""The files evaluators exchange: indicator tables, results sheets, and the outputs kpi writes."""
