"""Operations grouped by subject: plain functions that take explicit arguments and return values."""
