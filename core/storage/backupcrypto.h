#pragma once

// Encrypted backups: the passphrase gives a key through Argon2id (libsodium's crypto_pwhash, with
// its salt and limits kept in the file's header), and the content is sealed in chunks with
// crypto_secretstream_xchacha20poly1305, so any change, a missing end or a wrong passphrase is
// found. Used by backup.cpp and backuprestore.cpp; not part of core's interface.

#include "storage/backup.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace vigil::backupcrypto {

// The first bytes of every encrypted Vigil backup.
extern const QByteArray magic;

bool isEncrypted(const QString &path);

// Encrypts the file plainPath into outPath (an existing empty private file), reads it back to
// check every chunk, and returns the BLAKE2b digest of the content. progress spans [from, to].
QByteArray encryptFile(const QString &plainPath, const QString &outPath, const QByteArray &passphrase,
    const QDateTime &takenAt, const BackupProgress &progress, int from, int to);

struct Decrypted
{
    QDateTime takenAt;
    QByteArray digest;
};

// Decrypts inPath into plainOut (an existing empty private file), or only checks it when
// plainOut is empty. Throws Error: not an encrypted backup, wrong passphrase, modified, cut short.
Decrypted decryptFile(const QString &inPath, const QString &plainOut, const QByteArray &passphrase,
    const BackupProgress &progress, int from, int to);

} // namespace vigil::backupcrypto
