"""신분증 촬영 as a customer does it: the stages before the ID screen, then a card held up to the phone's camera.

The ID card steps call it, so that each of them still does one thing.
"""

from __future__ import annotations

from typing import Protocol

import allure

from identities.card_photos import PhotoCondition, camera_frame, mask_personal_data
from identities.customer import Card
from pages.id_check_screen import IdCheckScreen


class Camera(Protocol):
    """What the phone's camera sees next (fixtures/camera.py plays it to Chromium's fake capture device)."""

    def show(self, jpeg: bytes) -> None: ...


def photograph(screen: IdCheckScreen, camera: Camera, card: Card,
               condition: PhotoCondition = PhotoCondition.GOOD) -> None:
    """Put the card in front of the camera, take the photo in the app and send it; the report gets the photo.

    The photo carries the whole RRN in its code strip, so the report gets it with the strip blacked out
    (and a licence's number and serial): the evidence that this card, in this condition, was sent.
    """
    camera.show(camera_frame(card, condition))
    sent = screen.photograph_card()
    allure.attach(mask_personal_data(sent, card), name="촬영해 보낸 신분증 사진 (코드 띠 가림)",
                  attachment_type=allure.attachment_type.JPG)
