"""Password-protected backup files: AES-256-GCM in chunks, the key derived from the password by scrypt.

A lost flash drive must not leak anyone's data, and a wrong password must be told apart from a damaged
file. The file is a header and a run of chunks:

    header  magic(12) version(1) log2_n(1) r(1) p(1) chunk_size(4) salt(16) nonce_prefix(7) check(16) crc32(4)
    chunk   AES-GCM(key, nonce = nonce_prefix + index(4) + is_last(1), plaintext, aad = header) — ciphertext+tag

scrypt gives 48 bytes: the first 32 are the key, the last 16 (``check``) are stored in the header, so a
wrong password is recognised before any chunk is touched. The header's CRC tells a damaged header from a
wrong password. Each chunk carries its number and a «last» flag in its nonce (the STREAM construction),
so reordered, dropped or cut-off chunks fail authentication; a file cut at a chunk boundary is named as
cut off.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from curator_app.errors import CuratorError

MAGIC = b"CURATOR\x00ENC\x00"
VERSION = 1
CHUNK = 1 << 20
LOG2_N, R, P = 15, 8, 1  # about 0.1 s and 32 MB of memory on a school PC
_FIXED = struct.Struct(">12sBBBBI16s7s16s")
HEADER_SIZE = _FIXED.size + 4
TAG = 16

Progress = Callable[[int, int], None]


class Sink(Protocol):
    def write(self, data: bytes, /) -> int: ...


class WrongPasswordError(CuratorError):
    """The password does not open this backup."""


class DamagedBackupError(CuratorError):
    """The encrypted backup is damaged or cut off."""


def is_encrypted(path: str | Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def read_password_file(path: str | Path) -> str:
    """The password is the file's first line (a trailing newline is not part of it)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CuratorError(f"Не удалось прочитать файл с паролем «{path}»: {exc}.") from exc
    password = text.splitlines()[0] if text.splitlines() else ""
    if not password:
        raise CuratorError(f"Файл с паролем «{path}» пуст: запишите пароль в первую строку.")
    return password


def _derive(password: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    if not password:
        raise CuratorError("Пароль пуст: задайте пароль для резервной копии.")
    if not (10 <= log2_n <= 22 and 1 <= r <= 32 and 1 <= p <= 16):
        raise DamagedBackupError("Заголовок зашифрованной копии повреждён (неверные параметры ключа).")
    derived = Scrypt(salt=salt, length=48, n=1 << log2_n, r=r, p=p).derive(password.encode("utf-8"))
    return derived[:32], derived[32:]


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


def encrypt_stream(source: BinaryIO, target: BinaryIO, password: str, size: int = 0,
                   progress: Progress | None = None) -> None:
    """Encrypt everything readable from ``source`` into ``target`` (``size`` only feeds ``progress``)."""
    salt, prefix = os.urandom(16), os.urandom(7)
    key, check = _derive(password, salt, LOG2_N, R, P)
    fixed = _FIXED.pack(MAGIC, VERSION, LOG2_N, R, P, CHUNK, salt, prefix, check)
    header = fixed + struct.pack(">I", zlib.crc32(fixed))
    target.write(header)
    aead = AESGCM(key)
    index, done = 0, 0
    chunk = source.read(CHUNK)
    while True:
        following = source.read(CHUNK)
        last = not following
        target.write(aead.encrypt(_nonce(prefix, index, last), chunk, header))
        done += len(chunk)
        if progress:
            progress(done, size)
        if last:
            return
        chunk, index = following, index + 1


def _read_header(source: BinaryIO, name: str, password: str) -> tuple[bytes, AESGCM, bytes, int]:
    header = source.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(MAGIC):
        raise DamagedBackupError(f"Файл «{name}» не является зашифрованной копией «Куратора» или обрезан.")
    fixed, (crc,) = header[:-4], struct.unpack(">I", header[-4:])
    if zlib.crc32(fixed) != crc:
        raise DamagedBackupError(f"Зашифрованная копия «{name}» повреждена: испорчен её заголовок.")
    _, version, log2_n, r, p, chunk, salt, prefix, check = _FIXED.unpack(fixed)
    if version != VERSION:
        raise DamagedBackupError(f"Копия «{name}» зашифрована более новой версией программы. Обновите программу.")
    if not 1024 <= chunk <= 64 << 20:
        raise DamagedBackupError(f"Зашифрованная копия «{name}» повреждена: испорчен её заголовок.")
    key, expected = _derive(password, salt, log2_n, r, p)
    if expected != check:
        raise WrongPasswordError(f"Неверный пароль для копии «{name}».")
    return header, AESGCM(key), prefix, chunk


def check_password(path: str | Path, password: str) -> None:
    """Raise :class:`WrongPasswordError` or :class:`DamagedBackupError` unless the password opens the file."""
    with open(path, "rb") as source:
        _read_header(source, Path(path).name, password)


def decrypt_stream(source: BinaryIO, target: Sink, password: str, name: str, size: int = 0,
                   progress: Progress | None = None) -> None:
    """Decrypt ``source`` into ``target``; nothing in ``target`` may be trusted unless this returns."""
    header, aead, prefix, chunk_size = _read_header(source, name, password)
    index, done = 0, HEADER_SIZE
    block = source.read(chunk_size + TAG)
    while True:
        following = source.read(chunk_size + TAG)
        last = not following
        if len(block) < TAG:
            raise DamagedBackupError(f"Зашифрованная копия «{name}» обрезана: файл записан не полностью.")
        try:
            plain = aead.decrypt(_nonce(prefix, index, last), block, header)
        except InvalidTag:
            if last and _opens_as_middle(aead, prefix, index, block, header):
                raise DamagedBackupError(
                    f"Зашифрованная копия «{name}» обрезана: файл записан не полностью.") from None
            raise DamagedBackupError(
                f"Зашифрованная копия «{name}» повреждена (блок {index + 1}): её содержимое изменено.") from None
        target.write(plain)
        done += len(block)
        if progress:
            progress(done, size)
        if last:
            return
        block, index = following, index + 1


def _opens_as_middle(aead: AESGCM, prefix: bytes, index: int, block: bytes, header: bytes) -> bool:
    try:
        aead.decrypt(_nonce(prefix, index, False), block, header)
    except InvalidTag:
        return False
    return True
