"""How a customer reaches a stage: walking the screens (journeys) or through the bank's API (shortcuts).

Between steps and page objects: steps call flows, flows call page objects and the test-control client.
A precondition that only needs a stage reached takes the shortcut; a scenario about a screen walks it.
"""
