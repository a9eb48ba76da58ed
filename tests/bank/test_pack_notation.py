"""One symbol per meaning in the deep-training pack's optimizer and schedule cards.

Before the thirty-ninth round two schedule cards wrote the learning rate as eta_t (SGDR's
notation) while the AdamW cards used eta_t for Loshchilov & Hutter's schedule multiplier
and alpha for the rate: a reader going from one card to the next met one symbol with two
meanings. The pack now writes the rate as alpha everywhere and keeps eta_t for the
multiplier, and every card that shows eta_t says what it is.
"""

from __future__ import annotations

from tests.bank.bundled import BANK, text

PACK = "deep-training"


def _pack_texts() -> dict[str, str]:
    return {c.id: text(c.id) for c in BANK.cards if c.pack == PACK}


def test_eta_appears_only_as_the_schedule_multiplier_and_says_so() -> None:
    with_eta = {card_id: body for card_id, body in _pack_texts().items() if "\\eta" in body}
    # the three AdamW cards and the cosine card's note on SGDR's notation
    assert set(with_eta) >= {"decoupled-weight-decay", "adamw-step", "adamw-shrink-per-step"}
    for card_id, body in with_eta.items():
        assert "schedule multiplier" in body, card_id
        assert "\\eta_{\\max}" not in body and "\\eta_{\\min}" not in body, card_id
        assert "\\eta_t = \\eta" not in body, card_id  # no schedule formula written in eta


def test_the_cosine_schedule_is_written_with_the_learning_rate_alpha() -> None:
    formula = "\\alpha_t = \\alpha_{\\min} + "
    for card_id in ("learning-rate-schedules", "cosine-third-of-way"):
        assert formula in text(card_id), card_id


def test_the_focal_class_weight_is_defined_where_it_is_used() -> None:
    # alpha_t is Lin et al.'s class weight there, a different quantity from the rate alpha
    for card_id in ("focal-loss-class-imbalance", "focal-loss-weight"):
        assert "$1 - \\alpha$ for negatives" in text(card_id), card_id
