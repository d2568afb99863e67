"""Page objects: one class per screen of the KB스타뱅킹 app; the only code that touches Playwright."""
