"""Tiny, deterministic argos packages for tests, benchmarks and demos, for any language pair.

Real argos models weigh about a hundred megabytes and cannot be downloaded offline, yet the test
suite, the benchmark and ``make run`` need a package that argostranslate and dolmetsch load
exactly like a real one. :func:`build_tiny_package` writes such a package, offline, in well
under a second:

* ``sentencepiece.model``, trained in-process on a small news-like corpus;
* ``model/``, a CTranslate2 Transformer whose weights are *set by hand* (no training, no
  torch) so that it copies its input piece by piece and only replaces the words of a small
  lexicon. Its output is therefore exact and can be asserted in tests::

      Selenskyj traf am 5. Februar „überraschend“ Putin in Moskau.
      Zelensky met am 5. Februar „überraschend“ Putin in Moscow.

* ``minisbd/<from_code>.onnx``, a rule-based sentence splitter, so that argostranslate's
  own ``translate()`` never tries to download a MiniSBD model.

German->English is the default; ``from_code``/``to_code`` build the same kind of package for
another pair (ru->en, fr->en, en->de, ...), with that pair's own lexicon
(:data:`DEFAULT_LEXICONS`), so that tests can translate, and pivot through English, exactly::

      Зеленский встретился с Путиным в Москве.      (ru)
      Zelensky met с Putin в Moscow.                 (ru->en)
      Selenskyj traf с Putin в Moskau.               (ru->en, then en->de)

It is a test and demo model, not a translator: everything outside the lexicon stays as it is.

The copy is exact when the pieces are translated with ``replace_unknowns=True`` (as
argostranslate does) and decoded by concatenation (``"".join(pieces).replace("▁", " ")``,
then drop the one leading space). Because the model has no notion of words, every
occurrence of a lexicon key is replaced, also inside a longer word (``Moskauer`` becomes
``Moscower``), and a literal ``▁`` (U+2581) in the input comes back as a space.
Outputs are capped by CTranslate2's ``max_decoding_length`` (256 pieces by default):
callers copying long sentences must raise it.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from dolmetsch.engine import Engine, EngineInfo, Scored

    Matrix = NDArray[np.float32]

__all__ = [
    "DEFAULT_LEXICON",
    "DEFAULT_LEXICONS",
    "PACKAGE_NAME",
    "build_tiny_package",
    "install_tiny_package",
    "package_name",
]

DEFAULT_LEXICON: Mapping[str, str] = MappingProxyType(
    {"Selenskyj": "Zelensky", "traf": "met", "Moskau": "Moscow"}
)
"""The only words the tiny de->en model translates: German key -> English value."""

DEFAULT_LEXICONS: Mapping[tuple[str, str], Mapping[str, str]] = MappingProxyType(
    {
        ("de", "en"): DEFAULT_LEXICON,
        ("en", "de"): MappingProxyType(
            {"Zelensky": "Selenskyj", "met": "traf", "Moscow": "Moskau"}
        ),
        ("ru", "en"): MappingProxyType(
            {"Зеленский": "Zelensky", "встретился": "met", "Путиным": "Putin", "Москве": "Moscow"}
        ),
        ("uk", "en"): MappingProxyType(
            {"Зеленський": "Zelensky", "зустрівся": "met", "Путіним": "Putin", "Москві": "Moscow"}
        ),
        ("pl", "en"): MappingProxyType(
            {"Zełenski": "Zelensky", "spotkał": "met", "Putinem": "Putin", "Moskwie": "Moscow"}
        ),
        ("fr", "en"): MappingProxyType(
            {"Zelensky": "Zelensky", "rencontré": "met", "Poutine": "Putin", "Moscou": "Moscow"}
        ),
    }
)
"""The default lexicon of each pair the tests use: the same news sentence's words, so that a
chain of packages (ru->en, then en->de) gives an exact, predictable result.  Other pairs get
an empty lexicon (a pure copy model) unless the caller gives one."""

PACKAGE_NAME = "translate-de_en-tiny"
"""The de->en package's top-level directory, in the zip and once installed."""

_LANGUAGE_NAMES = MappingProxyType(
    {
        "de": "German",
        "en": "English",
        "fr": "French",
        "pl": "Polish",
        "ru": "Russian",
        "uk": "Ukrainian",
        "es": "Spanish",
        "it": "Italian",
        "cs": "Czech",
        "tr": "Turkish",
    }
)


def package_name(from_code: str = "de", to_code: str = "en") -> str:
    """The top-level directory of the tiny package for a pair: ``translate-ru_en-tiny``."""
    return f"translate-{from_code}_{to_code}-tiny"


_ARGOS_VERSION = "1.11"

# The training corpus of the SentencePiece model. It is small on purpose (training takes
# milliseconds) but covers the characters of German news: umlauts, ß, digits and the usual
# punctuation, so that these become real pieces. Any character missing here (é, ł, ’, …)
# still round-trips: SentencePiece emits a run of unknown characters as one piece holding
# the original text, and CTranslate2's replace_unknowns copies that source piece back.
_CORPUS = """\
Die Bundesregierung hat am Dienstag ein neues Hilfspaket für die Ukraine beschlossen.
Außenministerin und Verteidigungsminister reisten gemeinsam nach Kiew.
„Wir stehen an der Seite der Ukraine“, sagte der Kanzler in Berlin.
Nach Angaben der Behörden wurden 12 Menschen verletzt, 3 davon schwer.
Die Inflation stieg im Januar auf 2,9 Prozent (Vorjahr: 8,7 %).
Österreich, Ungarn und die Slowakei äußerten Bedenken gegen die Pläne.
Über die Höhe der Zahlungen wird weiter verhandelt – eine Einigung ist nicht in Sicht.
Der Gipfel in Brüssel soll am 14. März beginnen; Details sind noch offen.
Ärzte und Pflegekräfte warnen vor Engpässen in den Krankenhäusern.
Wie geht es weiter? Die Opposition fordert eine Abstimmung im Bundestag!
Laut Ministerium kostet das Programm 4,5 Milliarden Euro bis 2030.
Die Gespräche in Genf wurden am Abend ohne Ergebnis vertagt.
Übergangsweise übernimmt der Stellvertreter die Amtsgeschäfte.
Die Polizei sperrte die Straße zwischen 6:00 und 18:30 Uhr.
Russland und die Ukraine tauschten erneut Gefangene aus.
Der Sprecher sagte: "Das ist ein wichtiger Schritt."
Es ist der 'größte' Angriff seit Beginn des Krieges im Februar 2022.
Die Energieversorgung im Osten/Süden des Landes ist weiterhin gestört.
Die Wahlbeteiligung lag bei 57,6 Prozent; 1.389 Wahllokale meldeten Ergebnisse.
Die CDU/CSU-Fraktion verlangt eine klare Quote für Flüchtlinge aus der Region.
US-Präsident Donald Trump äußerte sich am Freitag in Washington zu dem Vorschlag.
The federal government approved a new aid package for Ukraine on Tuesday.
The foreign minister and the defence minister travelled to Kyiv together.
"We stand with Ukraine", the chancellor said in Berlin.
According to the authorities, 12 people were injured, 3 of them seriously.
Inflation rose to 2.9 percent in January (previous year: 8.7 %).
Austria, Hungary and Slovakia voiced concerns about the plans.
Talks on the amount of the payments continue – no agreement is in sight.
The summit in Brussels is due to begin on 14 March; details are still open.
What happens next? The opposition is calling for a vote in parliament!
According to the ministry, the programme will cost 4.5 billion euros by 2030.
Russia and Ukraine exchanged prisoners again.
The spokesman said: 'This is an important step.'
Power supplies in the east/south of the country are still disrupted.
Xi Jinping and the quartet of mediators gathered in New York on Sunday.
"""

# Lines added to the corpus when a pair has one of these languages, so that its letters become
# pieces (unknown characters would round-trip anyway, through replace_unknowns).  German and
# English add nothing: the de->en package stays byte-identical to what it always was.
_EXTRA_CORPUS = MappingProxyType(
    {
        "ru": (
            "Президент Зеленский встретился с Путиным в Москве.\n"
            "Правительство в Киеве объявило о новых мерах в четверг.\n"
            "По данным властей, 12 человек получили ранения, 3 из них тяжёлые.\n"
        ),
        "uk": (
            "Президент Зеленський зустрівся з Путіним у Москві.\n"
            "Уряд у Києві оголосив про нові заходи в четвер.\n"
            "За даними влади, 12 людей отримали поранення, троє з них важкі.\n"
        ),
        "pl": (
            "Prezydent Zełenski spotkał się z Putinem w Moskwie.\n"
            "Rząd w Kijowie ogłosił w czwartek nowe środki.\n"
            "Według władz rannych zostało 12 osób, w tym 3 ciężko.\n"
        ),
        "fr": (
            "Le président Zelensky a rencontré Poutine à Moscou.\n"
            "Le gouvernement à Kyiv a annoncé jeudi de nouvelles mesures.\n"
            "Selon les autorités, 12 personnes ont été blessées, dont 3 grièvement.\n"
        ),
    }
)

_RESERVED_PIECES = ("<unk>", "<s>", "</s>")  # ids 0, 1, 2: what CTranslate2's config expects

# Model geometry (see _build_model). Every row of the model's input is a token code (±1 in
# _TOKEN_DIMS dimensions) followed by a position code (_POSITION_FREQS sinusoids).
_TOKEN_DIMS = 64
_POSITION_FREQS = 8
_MAX_POSITIONS = 1536  # > CTranslate2's default max_input_length (1024) + </s> + a prefix
_LONGEST_WAVELENGTH = 2 * math.pi * 1000.0  # far beyond _MAX_POSITIONS: no position aliases
_ATTENTION_MARGIN = 40.0  # nats between the attended source position and its neighbours
_OUTPUT_MARGIN = 40.0  # nats between the copied token and any other token
_CODE_SEED = 20260201


def build_tiny_package(
    dest_dir: Path,
    *,
    from_code: str = "de",
    to_code: str = "en",
    lexicon: Mapping[str, str] | None = None,
    package_version: str = "0.0.1",
    with_minisbd: bool = True,
    target_prefix: str = "",
    width: int = 0,
    layers: int = 1,
) -> Path:
    """Build ``<dest_dir>/translate-<from>_<to>-tiny.argosmodel`` and return its path.

    The build is deterministic: the same arguments give a byte-identical file (the zip has
    sorted entries, fixed timestamps and fixed permissions; SentencePiece trains on one
    thread; the token codes come from a fixed seed).

    Args:
        dest_dir: Folder to write the package to; created if missing.
        from_code: The source language (ISO 639-1, as argos names it), in ``metadata.json``,
            the package name and the MiniSBD file name.
        to_code: The target language.
        lexicon: The words the model maps, source -> target; by default the pair's entry of
            :data:`DEFAULT_LEXICONS` (none for other pairs: a pure copy). Each key and value
            becomes a single SentencePiece piece (a user-defined symbol), so it must not
            contain whitespace or ``▁``; SentencePiece then splits it out wherever it occurs.
        package_version: ``package_version`` of ``metadata.json``.
        with_minisbd: Ship ``minisbd/<from_code>.onnx``; without it argostranslate's
            ``translate()`` would try to download a MiniSBD model.
        target_prefix: If not empty, written to ``metadata.json`` and added to the
            vocabulary; the model then expects to be called with this one-token
            ``target_prefix`` (as argostranslate does) and copies the source after it.
        width: The model width; 0 is the smallest that works (96). A wider model (with
            ``layers``) gives the same output at more compute per token, for benchmarks
            whose timings must not be all overhead: the extra dimensions, layers and the
            feed-forward blocks (4 x width) are zero, so they cost time and change nothing.
        layers: Encoder and decoder layers (at least 1).
    """
    for code in (from_code, to_code):
        if not (code.isascii() and code.isalpha() and code.islower() and 2 <= len(code) <= 3):
            raise ValueError(f"{code!r} is not a language code such as 'de' or 'ru'")
    if from_code == to_code:
        raise ValueError(f"a package translates between two languages, not {from_code}->{to_code}")
    if lexicon is None:
        lexicon = DEFAULT_LEXICONS.get((from_code, to_code), {})
    _check_symbols(lexicon, target_prefix)
    if layers < 1 or (width and width < _TOKEN_DIMS + 4 * _POSITION_FREQS):
        raise ValueError(f"need layers >= 1 and width 0 or >= 96, not {layers} and {width}")
    symbols = sorted({*lexicon, *lexicon.values(), *([target_prefix] if target_prefix else [])})
    corpus = _CORPUS + "".join(_EXTRA_CORPUS.get(code, "") for code in (from_code, to_code))
    sp_model = _train_sentencepiece(symbols, corpus)
    vocabulary = _vocabulary(sp_model)
    name = package_name(from_code, to_code)
    top = PurePosixPath(name)
    files: dict[PurePosixPath, bytes] = {
        top / "sentencepiece.model": sp_model,
        top / "metadata.json": _metadata(from_code, to_code, package_version, target_prefix),
        top / "README.md": _readme(name, from_code, to_code, lexicon, target_prefix).encode(),
    }
    model = _build_model(vocabulary, lexicon, shift=bool(target_prefix), width=width, layers=layers)
    for file_name, data in model.items():
        files[top / "model" / file_name] = data
    if with_minisbd:
        files[top / "minisbd" / f"{from_code}.onnx"] = _minisbd_onnx(from_code)
    dest_dir.mkdir(parents=True, exist_ok=True)
    path = dest_dir / f"{name}.argosmodel"
    path.write_bytes(_deterministic_zip(files))
    return path


def install_tiny_package(argosmodel: Path, packages_dir: Path) -> Path:
    """Extract *argosmodel* into *packages_dir* as argostranslate does; return the package dir.

    Like ``argostranslate.package.install_from_path`` this unpacks the zip's top-level
    directory (the one holding ``metadata.json``, e.g. ``translate-de_en-tiny``) into
    *packages_dir* and overwrites files already there; unlike it, it first checks that every
    member stays inside that directory and does not touch argostranslate's settings, so it
    works on any folder.
    """
    import zipfile

    with zipfile.ZipFile(argosmodel) as archive:
        names = archive.namelist()
        tops = {
            PurePosixPath(name).parts[0]
            for name in names
            if len(PurePosixPath(name).parts) == 2 and name.endswith("/metadata.json")
        }
        if len(tops) != 1:
            raise ValueError(f"{argosmodel}: no single member <package>/metadata.json")
        top = tops.pop()
        for name in names:
            parts = PurePosixPath(name).parts
            if name.startswith("/") or "\\" in name or not parts or parts[0] != top:
                raise ValueError(f"{argosmodel}: member {name!r} is outside {top}/")
            if ".." in parts:
                raise ValueError(f"{argosmodel}: member {name!r} leaves the package folder")
        packages_dir.mkdir(parents=True, exist_ok=True)
        archive.extractall(packages_dir)
    return packages_dir / top


def _check_symbols(lexicon: Mapping[str, str], target_prefix: str) -> None:
    """Reject lexicon entries and prefixes that cannot be single SentencePiece pieces."""
    words = [*lexicon, *lexicon.values(), *([target_prefix] if target_prefix else [])]
    for word in words:
        if not word or any(ch.isspace() or ch == "▁" for ch in word):
            raise ValueError(f"{word!r} must be a non-empty word without whitespace or '▁'")
        if word in _RESERVED_PIECES:
            raise ValueError(f"{word!r} is reserved by SentencePiece and CTranslate2")


def _train_sentencepiece(symbols: Sequence[str], corpus: str) -> bytes:
    """Train the unigram SentencePiece model on *corpus* and return its bytes.

    The options are chosen so that decoding by concatenation gives back the input exactly:
    ``identity`` normalization changes no character, ``remove_extra_whitespaces=False`` keeps
    runs of spaces (each extra space is a ``▁`` piece) and ``byte_fallback=False`` keeps an
    unknown character as text instead of ``<0x..>`` byte pieces. The lexicon words are
    user-defined symbols: always one piece, wherever they occur. ``num_threads=1`` makes the
    training order, and so the model file, reproducible.
    """
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus.splitlines() * 10),
        model_writer=model,
        model_type="unigram",
        vocab_size=256,
        hard_vocab_limit=False,
        character_coverage=1.0,
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        byte_fallback=False,
        user_defined_symbols=list(symbols),
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        num_threads=1,
        minloglevel=2,
    )
    return model.getvalue()


def _vocabulary(sp_model: bytes) -> list[str]:
    """Return the SentencePiece pieces in id order: the model's source and target vocabulary."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    if tuple(pieces[: len(_RESERVED_PIECES)]) != _RESERVED_PIECES:
        raise AssertionError(f"unexpected SentencePiece control pieces {pieces[:3]}")
    return pieces


def _token_codes(count: int) -> Matrix:
    """Give each vocabulary entry a code of ±1 values, half of them +1.

    Balanced codes have mean 0 and the same norm, which keeps every LayerNorm of the model
    a plain rescaling. The codes come from a fixed seed (numpy's legacy ``RandomState``,
    whose stream never changes); seeds are tried in order until every two codes agree in at
    most 3/4 of their dimensions, so that the model's output margin holds.
    """
    import numpy as np

    balanced = np.array([1.0, -1.0] * (_TOKEN_DIMS // 2), dtype=np.float32)
    for seed in range(_CODE_SEED, _CODE_SEED + 100):
        rng = np.random.RandomState(seed)
        codes = np.stack([rng.permutation(balanced) for _ in range(count)])
        overlap = codes @ codes.T - np.eye(count, dtype=np.float32) * _TOKEN_DIMS
        if overlap.max() <= _TOKEN_DIMS / 2:
            return codes
    raise AssertionError("no token code seed gives distinct enough codes")  # pragma: no cover


def _position_codes(count: int) -> Matrix:
    """Return the code of each position: sinusoids, mirrored so that each row has mean 0.

    Row *p* is ``[sin(p·w), cos(p·w), -sin(p·w), -cos(p·w)]`` for geometric frequencies
    *w* from 1 down to ``2π/_LONGEST_WAVELENGTH``. The dot product of two rows,
    ``2·Σ cos((p-q)·w)``, is largest, ``2·len(w)``, exactly when p == q, and drops by at
    least :func:`_position_gap` for any other position below _MAX_POSITIONS (the
    nearest neighbour is the closest; the long wavelength rules out far aliases).
    """
    import numpy as np

    angles = np.arange(count, dtype=np.float64)[:, None] * _frequencies()
    codes = np.concatenate([np.sin(angles), np.cos(angles), -np.sin(angles), -np.cos(angles)], 1)
    return codes.astype(np.float32)


def _frequencies() -> NDArray[np.float64]:
    """The position frequencies, geometric from 1 rad per position to the longest wavelength."""
    import numpy as np

    lowest = 2 * math.pi / _LONGEST_WAVELENGTH
    return np.asarray(lowest ** (np.arange(_POSITION_FREQS) / (_POSITION_FREQS - 1)))


def _position_gap() -> float:
    """How much less a position's code matches any other position's than its own."""
    import numpy as np

    deltas = np.arange(1, _MAX_POSITIONS, dtype=np.float64)[:, None]
    return float((2 * (1 - np.cos(deltas * _frequencies()))).sum(1).min())


def _build_model(
    vocabulary: Sequence[str],
    lexicon: Mapping[str, str],
    *,
    shift: bool,
    width: int = 0,
    layers: int = 1,
) -> dict[str, bytes]:
    """Build the copy model and return its files (``model.bin``, ``config.json``, vocabulary).

    The model is a one-head Transformer with one encoder and one decoder layer, ``d = 64 + 32``
    wide: a token part and a position part. All self-attention and feed-forward blocks are
    zero, so they add nothing to the residual stream (CTranslate2 wants at least one layer).

    * Encoder: source piece *s* at position *i* is ``[code(s), pos(i)]``; the LayerNorms
      only rescale it (mean 0, fixed norm). The lexicon lives here: a German key
      is embedded with the *code of its English value*, so from then on it is that word.
      Unknown pieces share the code of ``<unk>``.
    * Decoder: every target embedding is zero, so step *t* sees only ``pos(t)`` and does
      not depend on what was generated. The cross-attention queries and keys read
      the position part, the values the token part: step *t* attends to source position
      *t* and nothing else, and adds that piece's token code to its state.
    * Projection: target piece *v* scores ``code(v)·state``: the attended piece wins.
      ``<unk>`` wins for unknown source pieces, and replace_unknowns puts the source text
      back, using this very attention. Step *n* attends to the ``</s>`` that
      ``add_source_eos`` appends, so decoding stops after the last piece.

    With ``shift`` (a target prefix) the decoder positions are moved one step on: step 0
    is the forced prefix token and step *t* copies source piece *t - 1*.

    The two scale factors are computed, not tuned: the query scale makes the attention
    logit of the right position :data:`_ATTENTION_MARGIN` nats above its best rival, the
    projection scale makes the copied token :data:`_OUTPUT_MARGIN` nats above any other
    (codes of different pieces agree in at most 3/4 of their dimensions). So the copy
    has probability 1 to float precision, and beam search or length penalties cannot
    prefer anything else.
    """
    import tempfile

    import numpy as np
    from ctranslate2.specs import transformer_spec

    size = len(vocabulary)
    tok = slice(0, _TOKEN_DIMS)
    pos = slice(_TOKEN_DIMS, _TOKEN_DIMS + 4 * _POSITION_FREQS)
    # dimensions past pos.stop are zero in every row: LayerNorm's mean stays 0, and every
    # scale below is computed from the full width
    width = max(width, pos.stop)
    ffn_width = 4 * width if width > pos.stop else 1
    pos_norm_sq = 2.0 * _POSITION_FREQS  # each frequency gives sin² + cos², twice
    enc_norm = math.sqrt(_TOKEN_DIMS + pos_norm_sq)

    codes = _token_codes(size)
    index = {piece: i for i, piece in enumerate(vocabulary)}
    source_codes = codes.copy()
    for german, english in lexicon.items():
        source_codes[index[german]] = codes[index[english]]

    def block(rows: slice, cols: slice, scale: float = 1.0) -> Matrix:
        """A width x width matrix copying dims *cols* to dims *rows*, times *scale*."""
        matrix = np.zeros((width, width), dtype=np.float32)
        matrix[rows, cols] = np.eye(rows.stop - rows.start, dtype=np.float32) * scale
        return matrix

    def zeros(*shape: int) -> Matrix:
        return np.zeros(shape, dtype=np.float32)

    # LayerNorm rescales the encoder rows by sqrt(d)/enc_norm and the decoder state (position
    # part only) by sqrt(d/pos_norm_sq); attention divides by sqrt(d).
    attention_unit = math.sqrt(width) / (math.sqrt(pos_norm_sq) * enc_norm)
    query_scale = _ATTENTION_MARGIN / (_position_gap() * attention_unit)
    # After the cross-attention the state is [sqrt(d)/enc_norm · code, pos]; the final
    # LayerNorm rescales it to norm sqrt(d). Rival codes trail by at least d_tok/2.
    state_norm = math.sqrt(width / enc_norm**2 * _TOKEN_DIMS + pos_norm_sq)
    output_unit = width / enc_norm / state_norm
    projection_scale = _OUTPUT_MARGIN / (_TOKEN_DIMS / 2 * output_unit)

    positions = _position_codes(_MAX_POSITIONS)
    encoder_positions = zeros(_MAX_POSITIONS, width)
    encoder_positions[:, pos] = positions
    decoder_positions = encoder_positions.copy()
    if shift:
        decoder_positions[1:] = encoder_positions[:-1]

    spec = transformer_spec.TransformerSpec.from_config(layers, 1)  # CTranslate2 needs >= 1
    spec.config.add_source_eos = True
    encoder, decoder = spec.encoder, spec.decoder
    encoder.scale_embeddings = False
    decoder.scale_embeddings = False
    encoder.embeddings[0].weight = np.concatenate([source_codes, zeros(size, width - tok.stop)], 1)
    encoder.position_encodings.encodings = encoder_positions
    decoder.embeddings.weight = zeros(size, width)
    decoder.position_encodings.encodings = decoder_positions
    layer = decoder.layer[0]
    norms = [encoder.layer_norm, decoder.layer_norm, layer.attention.layer_norm]
    for block_spec in (*encoder.layer, *decoder.layer):  # blocks that pass the residual through
        norms += [block_spec.self_attention.layer_norm, block_spec.ffn.layer_norm]
        block_spec.self_attention.linear[0].weight = zeros(3 * width, width)  # fused q, k, v
        block_spec.self_attention.linear[1].weight = zeros(width, width)
        block_spec.ffn.linear_0.weight = zeros(ffn_width, width)
        block_spec.ffn.linear_1.weight = zeros(width, ffn_width)
    for norm in norms:
        norm.gamma = np.ones(width, dtype=np.float32)
        norm.beta = zeros(width)
    layer.attention.linear[0].weight = block(pos, pos, query_scale)
    layer.attention.linear[1].weight = np.concatenate([block(pos, pos), block(tok, tok)])
    layer.attention.linear[2].weight = block(tok, tok)
    # Further decoder layers attend to the same source position (CTranslate2's replace_unknowns
    # reads the last layer's attention) but add nothing: zero values.  Their state also holds
    # the copied code, so LayerNorm shrinks its position part by pos_norm / state_norm.
    later_query = query_scale * state_norm / math.sqrt(pos_norm_sq)
    for extra in decoder.layer[1:]:
        extra.attention.layer_norm.gamma = np.ones(width, dtype=np.float32)
        extra.attention.layer_norm.beta = zeros(width)
        extra.attention.linear[0].weight = block(pos, pos, later_query)
        extra.attention.linear[1].weight = np.concatenate([block(pos, pos), zeros(width, width)])
        extra.attention.linear[2].weight = zeros(width, width)
    decoder.projection.weight = np.concatenate(
        [codes * projection_scale, zeros(size, width - tok.stop)], 1
    )
    spec.register_source_vocabulary(list(vocabulary))
    spec.register_target_vocabulary(list(vocabulary))
    spec.validate()
    with tempfile.TemporaryDirectory(prefix="dolmetsch-tiny-") as tmp:
        spec.save(tmp)
        return {p.name: p.read_bytes() for p in sorted(Path(tmp).iterdir())}


def _metadata(from_code: str, to_code: str, package_version: str, target_prefix: str) -> bytes:
    import json

    metadata: dict[str, Any] = {
        "package_version": package_version,
        "argos_version": _ARGOS_VERSION,
        "type": "translate",
        "from_code": from_code,
        "from_name": _LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": _LANGUAGE_NAMES.get(to_code, to_code),
        "links": [],
    }
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    return (json.dumps(metadata, indent=2, ensure_ascii=False) + "\n").encode()


def _readme(
    name: str, from_code: str, to_code: str, lexicon: Mapping[str, str], target_prefix: str
) -> str:
    source = _LANGUAGE_NAMES.get(from_code, from_code)
    words = "\n".join(f"- {key} -> {value}" for key, value in sorted(lexicon.items()))
    prefix = (
        f"\nIt expects the target prefix `{target_prefix}` and outputs it first.\n"
        if target_prefix
        else ""
    )
    return f"""\
# {name}: test and demo model, NOT a translator

This package was generated by `dolmetsch.testing.build_tiny_package` for dolmetsch's tests,
benchmark and demo. Its hand-set weights copy the {source} input unchanged and replace only
these words (wherever they occur, also inside longer words):

{words}

Everything else stays {source}. Do not use it to translate anything.
{prefix}"""


# --- MiniSBD ---------------------------------------------------------------------------------
# argostranslate splits text into sentences with MiniSBD, which downloads an ONNX model unless
# the package ships one in minisbd/. The rule-based model below needs no weights and no `onnx`
# package: it is written with a minimal protobuf encoder. For every character it outputs the
# logits of MiniSBD's classes 0 (inside a token), 1 (token end: next char is a space or the
# end) and 2 (sentence end: one of . ! ? followed by a space or the end).


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        low, value = value & 0x7F, value >> 7
        out.append(low | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _field(number: int, payload: bytes | str) -> bytes:
    """A length-delimited protobuf field (wire type 2)."""
    data = payload.encode() if isinstance(payload, str) else payload
    return _varint(number << 3 | 2) + _varint(len(data)) + data


def _int_field(number: int, value: int) -> bytes:
    """A varint protobuf field (wire type 0)."""
    return _varint(number << 3) + _varint(value)


_ONNX_FLOAT, _ONNX_INT64 = 1, 7  # TensorProto.DataType
_ONNX_INT_ATTRIBUTE = 2  # AttributeProto.AttributeType.INT


def _onnx_tensor(name: str, values: Sequence[float] | Sequence[int], dtype: str) -> bytes:
    """A TensorProto: dims (1), data_type (2), name (8), raw_data (9)."""
    import numpy as np

    array = np.asarray(values, dtype=np.float32 if dtype == "float" else np.int64)
    elem_type = _ONNX_FLOAT if dtype == "float" else _ONNX_INT64
    dims = b"".join(_int_field(1, d) for d in array.shape)
    return dims + _int_field(2, elem_type) + _field(8, name) + _field(9, array.tobytes())


def _onnx_value_info(name: str, elem_type: int, dims: Sequence[int | str]) -> bytes:
    """A ValueInfoProto of a tensor with symbolic (str) or fixed (int) dimensions."""
    shape = b"".join(
        _field(1, _field(2, d) if isinstance(d, str) else _int_field(1, d)) for d in dims
    )
    return _field(1, name) + _field(2, _field(1, _int_field(1, elem_type) + _field(2, shape)))


def _onnx_node(op: str, inputs: Sequence[str], outputs: Sequence[str], **ints: int) -> bytes:
    """A NodeProto with integer attributes only."""
    node = b"".join(_field(1, name) for name in inputs)
    node += b"".join(_field(2, name) for name in outputs) + _field(4, op)
    for key, value in ints.items():
        node += _field(5, _field(1, key) + _int_field(3, value) + _int_field(20, 2))
    return node


def _minisbd_onnx(lang: str) -> bytes:
    """Return a rule-based MiniSBD ONNX model (ir_version 8, opset 13) for *lang*.

    MiniSBD feeds character ids (``units``, batch x time) and one feature per character
    (ignored here). The model looks up whether each character ends a sentence (. ! ?) and
    whether the *next* one is a gap (space or padding: the gap flags shifted left by one,
    padded with 1 at the end), and adds per-class logit vectors accordingly.
    """
    import json

    units = ["<PAD>", "<UNK>", " ", ".", "!", "?"]  # every other character is <UNK>
    initializers = [
        _onnx_tensor("is_end", [0, 0, 0, 1, 1, 1], "float"),
        _onnx_tensor("is_gap", [1, 0, 1, 0, 0, 0], "float"),
        _onnx_tensor("one_idx", [1], "int"),
        _onnx_tensor("big", [1 << 62], "int"),
        _onnx_tensor("ax1", [1], "int"),
        _onnx_tensor("ax2", [2], "int"),
        _onnx_tensor("pads", [0, 0, 0, 1], "int"),
        _onnx_tensor("padval", [1.0], "float"),  # Pad's constant_value, as a 1-element tensor
        _onnx_tensor("zero", [0.0], "float"),
        _onnx_tensor("base", [1, 0, 0, 0, 0], "float"),  # class 0: inside a token
        _onnx_tensor("tokvec", [-1, 1, 0, 0, 0], "float"),  # class 1: token end
        _onnx_tensor("endvec", [-1, -1, 2, 0, 0], "float"),  # class 2: sentence end
    ]
    nodes = [
        _onnx_node("Gather", ["is_end", "units"], ["e0"], axis=0),
        _onnx_node("Gather", ["is_gap", "units"], ["g0"], axis=0),
        _onnx_node("Slice", ["g0", "one_idx", "big", "ax1"], ["g1"]),
        _onnx_node("Pad", ["g1", "pads", "padval"], ["next_gap"]),
        _onnx_node("Mul", ["e0", "next_gap"], ["e"]),
        _onnx_node("Unsqueeze", ["next_gap", "ax2"], ["tok3"]),
        _onnx_node("Unsqueeze", ["e", "ax2"], ["e3"]),
        _onnx_node("Mul", ["tok3", "tokvec"], ["t_l"]),
        _onnx_node("Mul", ["e3", "endvec"], ["e_l"]),
        _onnx_node("ReduceSum", ["features", "ax2"], ["fs"], keepdims=1),
        _onnx_node("Mul", ["fs", "zero"], ["f0"]),  # consumes the unused input 'features'
        _onnx_node("Add", ["t_l", "e_l"], ["s1"]),
        _onnx_node("Add", ["s1", "base"], ["s2"]),
        _onnx_node("Add", ["s2", "f0"], ["logits"]),
    ]
    graph = (
        b"".join(_field(1, node) for node in nodes)
        + _field(2, "minisbd_rules")
        + b"".join(_field(5, tensor) for tensor in initializers)
        + _field(11, _onnx_value_info("units", _ONNX_INT64, ["B", "T"]))
        + _field(11, _onnx_value_info("features", _ONNX_FLOAT, ["B", "T", 1]))
        + _field(12, _onnx_value_info("logits", _ONNX_FLOAT, ["B", "T", 5]))
    )
    config = {
        "skip_newline": False,
        "max_seqlen": 1000,
        "no_ssplit": False,
        "batch_size": 32,
        "feat_funcs": ["space_before"],
        "use_dictionary": False,
        "num_dict_feat": 0,
    }
    vocab = {
        "lang": lang,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_id2unit": units,
        "_unit2id": {unit: i for i, unit in enumerate(units)},
    }
    metadata = {
        "lang_code": lang,
        "config": json.dumps(config),
        "vocab": json.dumps(vocab),
        "lexicon": "null",
    }
    return (
        _int_field(1, 8)  # ir_version
        + _field(2, "dolmetsch.testing")  # producer_name
        + _field(7, graph)
        + _field(8, _field(1, "") + _int_field(2, 13))  # opset_import: ai.onnx 13
        + b"".join(_field(14, _field(1, k) + _field(2, v)) for k, v in metadata.items())
    )


def _deterministic_zip(files: Mapping[PurePosixPath, bytes]) -> bytes:
    """Zip *files* reproducibly: sorted entries, with their folders, all dated 1980-01-01."""
    import zipfile

    folders = {parent for path in files for parent in path.parents if parent.name}
    entries: list[tuple[str, bytes | None]] = [(f"{folder}/", None) for folder in folders]
    entries += [(str(path), data) for path, data in files.items()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.create_system = 3  # Unix, so that external_attr holds the mode bits
            if data is None:
                info.external_attr = (0o40755 << 16) | 0x10  # directory, MS-DOS dir flag
                archive.writestr(info, b"")
            else:
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


class CountingEngine:
    """An engine wrapper that counts the sentences it is asked to translate."""

    def __init__(self, inner: Engine) -> None:
        self.inner = inner
        self.sentences = 0

    @property
    def info(self) -> EngineInfo:
        return self.inner.info

    def translate(
        self, sentences: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> list[str]:
        self.sentences += len(sentences)
        return self.inner.translate(sentences, progress)

    def translate_scored(
        self, sentences: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> list[Scored]:
        from dolmetsch.engine import translate_scored

        self.sentences += len(sentences)
        return translate_scored(self.inner, sentences, progress)
