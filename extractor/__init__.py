"""extractor: Thai government plan documents (BMA annual action plans) into canonical, validated JSON.

    >>> import extractor
    >>> document = extractor.parse("corpus/000_d48f5d17983ea448.txt")
    >>> document.document.fiscal_year_be
    2567
"""

from extractor.errors import EncryptedPDFError, ExtractorError, InputError, LimitExceededError
from extractor.limits import Limits
from extractor.pipeline import parse

__all__ = ["parse", "Limits", "ExtractorError", "InputError", "EncryptedPDFError", "LimitExceededError"]
__version__ = "0.1.0"
