"""One module per report topic; `orchestration.reporting.sections` lists them in page order."""
