"""Money, Thai dates and words, digits, PromptPay, identifiers and errors: no project imports."""
