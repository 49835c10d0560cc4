#include "backupcrypto.h"

#include "storage/backupfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QtEndian>

#include <sodium.h>

#include <cerrno>
#include <cstring>

namespace vigil::backupcrypto {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(vigil::Backup)
};

// Header, all numbers big-endian:
//   0  8  magic "VIGILBK\x01"      44  8  taken at, ms since 1970 UTC
//   8  1  header version (1)        52  4  plaintext bytes per chunk
//   9  1  crypto_pwhash algorithm   56 32  key check: BLAKE2b keyed with the key
//  10  2  reserved (0)              88  8  plaintext bytes in all
//  12  8  opslimit                  96 24  secretstream header
//                                  120     chunks, each sealed with bytes 0..119 as extra data
//  20  8  memlimit
//  28 16  salt
constexpr int headerVersion = 1;
constexpr qsizetype headerSize = 120;
constexpr qsizetype keyCheckOffset = 56;
constexpr qsizetype plainSizeOffset = 88;
constexpr qsizetype streamHeaderOffset = 96;
constexpr quint32 chunkSize = 1 << 20;
// MODERATE: about a second and 256 MiB to try one passphrase; a backup is opened rarely.
constexpr unsigned long long opsLimit = crypto_pwhash_OPSLIMIT_MODERATE;
constexpr size_t memLimit = crypto_pwhash_MEMLIMIT_MODERATE;
// What a header may ask for before it is believed (a forged one must not exhaust the machine).
constexpr unsigned long long maxOpsLimit = crypto_pwhash_OPSLIMIT_SENSITIVE;
constexpr unsigned long long maxMemLimit = crypto_pwhash_MEMLIMIT_SENSITIVE;
constexpr quint32 maxChunkSize = 16 << 20;

static_assert(crypto_pwhash_SALTBYTES == 16);
static_assert(crypto_secretstream_xchacha20poly1305_HEADERBYTES == 24);
static_assert(crypto_secretstream_xchacha20poly1305_KEYBYTES == 32);

void initSodium()
{
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw Error(Text::tr("The encryption library (libsodium) could not start."));
}

struct Key
{
    unsigned char bytes[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    Key() { sodium_memzero(bytes, sizeof bytes); }
    ~Key() { sodium_memzero(bytes, sizeof bytes); }
    Key(const Key &) = delete;
    Key &operator=(const Key &) = delete;
};

void deriveKey(Key &key, const QByteArray &passphrase, const unsigned char *salt, unsigned long long ops, size_t mem)
{
    if (crypto_pwhash(key.bytes, sizeof key.bytes, passphrase.constData(), size_t(passphrase.size()), salt, ops, mem,
            crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        throw Error(Text::tr("There is not enough memory to derive the backup's key from the passphrase."));
}

QByteArray keyCheck(const Key &key)
{
    static const QByteArray label("Vigil backup key check");
    QByteArray check(32, '\0');
    crypto_generichash(reinterpret_cast<unsigned char *>(check.data()), size_t(check.size()),
        reinterpret_cast<const unsigned char *>(label.constData()), size_t(label.size()), key.bytes, sizeof key.bytes);
    return check;
}

QString writeError(const QFile &file)
{
    const int error = errno;
    return backupfile::writeFailure(QFileInfo(file.fileName()).absolutePath(), error, true, file.errorString());
}

QString modifiedMessage(const QString &name)
{
    return Text::tr("The encrypted backup '%1' was modified or damaged, so it cannot be used.").arg(name);
}

Decrypted decryptWith(QFile &in, const QByteArray &header, const Key &key, QFile *out, const BackupProgress &progress,
    int from, int to)
{
    const QString name = QFileInfo(in.fileName()).fileName();
    const quint32 chunk = qFromBigEndian<quint32>(header.constData() + 52);
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state,
            reinterpret_cast<const unsigned char *>(header.constData() + streamHeaderOffset), key.bytes)
        != 0)
        throw Error(modifiedMessage(name));
    // The length the content must have, from the (authenticated) header: a shorter file was cut.
    const quint64 plainSize = qFromBigEndian<quint64>(header.constData() + plainSizeOffset);
    const quint64 chunks = qMax<quint64>(1, (plainSize + chunk - 1) / chunk);
    const quint64 expected = quint64(headerSize) + plainSize + chunks * crypto_secretstream_xchacha20poly1305_ABYTES;
    if (quint64(in.size()) < expected)
        throw Error(Text::tr("The encrypted backup '%1' is incomplete (its end is missing), so it cannot be used.")
                        .arg(name));
    if (quint64(in.size()) > expected)
        throw Error(modifiedMessage(name));
    crypto_generichash_state hash;
    crypto_generichash_init(&hash, nullptr, 0, 32);
    const qint64 total = qMax<qint64>(1, in.size() - headerSize);
    QByteArray sealed(qsizetype(chunk + crypto_secretstream_xchacha20poly1305_ABYTES), '\0');
    QByteArray plain(qsizetype(chunk), '\0');
    bool finished = false;
    while (!finished) {
        const qint64 read = in.read(sealed.data(), sealed.size());
        if (read < 0)
            throw Error(Text::tr("'%1' could not be read: %2").arg(name, in.errorString()));
        if (read == 0)
            throw Error(Text::tr("The encrypted backup '%1' is incomplete (its end is missing), so it cannot be used.")
                            .arg(name));
        unsigned long long plainLength = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, reinterpret_cast<unsigned char *>(plain.data()),
                &plainLength, &tag, reinterpret_cast<const unsigned char *>(sealed.constData()),
                static_cast<unsigned long long>(read), reinterpret_cast<const unsigned char *>(header.constData()),
                headerSize)
            != 0)
            throw Error(modifiedMessage(name));
        finished = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        if (finished && !in.atEnd())
            throw Error(modifiedMessage(name));
        crypto_generichash_update(&hash, reinterpret_cast<const unsigned char *>(plain.constData()), plainLength);
        if (out && out->write(plain.constData(), qint64(plainLength)) != qint64(plainLength))
            throw Error(writeError(*out));
        backupfile::reportProgress(progress, from + int(qint64(to - from) * (in.pos() - headerSize) / total));
    }
    Decrypted result;
    result.takenAt = QDateTime::fromMSecsSinceEpoch(qFromBigEndian<qint64>(header.constData() + 44), Qt::UTC);
    result.digest = QByteArray(32, '\0');
    crypto_generichash_final(&hash, reinterpret_cast<unsigned char *>(result.digest.data()), 32);
    return result;
}

} // namespace

const QByteArray magic("VIGILBK\x01", 8);

bool isEncrypted(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(magic.size()) == magic;
}

QByteArray encryptFile(const QString &plainPath, const QString &outPath, const QByteArray &passphrase,
    const QDateTime &takenAt, const BackupProgress &progress, int from, int to)
{
    initSodium();
    QFile in(plainPath);
    if (!in.open(QIODevice::ReadOnly))
        throw Error(Text::tr("'%1' could not be read: %2").arg(QFileInfo(plainPath).fileName(), in.errorString()));
    QFile out(outPath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw Error(writeError(out));

    QByteArray header(headerSize, '\0');
    char *h = header.data();
    std::memcpy(h, magic.constData(), size_t(magic.size()));
    h[8] = char(headerVersion);
    h[9] = char(crypto_pwhash_ALG_ARGON2ID13);
    qToBigEndian<quint64>(opsLimit, h + 12);
    qToBigEndian<quint64>(memLimit, h + 20);
    randombytes_buf(h + 28, crypto_pwhash_SALTBYTES);
    qToBigEndian<qint64>(takenAt.toMSecsSinceEpoch(), h + 44);
    qToBigEndian<quint32>(chunkSize, h + 52);
    qToBigEndian<quint64>(quint64(in.size()), h + plainSizeOffset);
    Key key;
    deriveKey(key, passphrase, reinterpret_cast<const unsigned char *>(h + 28), opsLimit, memLimit);
    const QByteArray check = keyCheck(key);
    std::memcpy(h + keyCheckOffset, check.constData(), size_t(check.size()));
    crypto_secretstream_xchacha20poly1305_state state;
    crypto_secretstream_xchacha20poly1305_init_push(&state, reinterpret_cast<unsigned char *>(h + streamHeaderOffset),
        key.bytes);
    if (out.write(header) != header.size())
        throw Error(writeError(out));

    crypto_generichash_state hash;
    crypto_generichash_init(&hash, nullptr, 0, 32);
    const qint64 total = qMax<qint64>(1, in.size());
    const int middle = from + (to - from) / 2;
    QByteArray plain(qsizetype(chunkSize), '\0');
    QByteArray sealed(qsizetype(chunkSize + crypto_secretstream_xchacha20poly1305_ABYTES), '\0');
    bool last = false;
    while (!last) {
        const qint64 read = in.read(plain.data(), plain.size());
        if (read < 0)
            throw Error(Text::tr("'%1' could not be read: %2").arg(QFileInfo(plainPath).fileName(), in.errorString()));
        last = in.atEnd();
        unsigned long long sealedLength = 0;
        crypto_secretstream_xchacha20poly1305_push(&state, reinterpret_cast<unsigned char *>(sealed.data()),
            &sealedLength, reinterpret_cast<const unsigned char *>(plain.constData()),
            static_cast<unsigned long long>(read), reinterpret_cast<const unsigned char *>(header.constData()),
            headerSize, last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
        crypto_generichash_update(&hash, reinterpret_cast<const unsigned char *>(plain.constData()),
            static_cast<unsigned long long>(read));
        if (out.write(sealed.constData(), qint64(sealedLength)) != qint64(sealedLength))
            throw Error(writeError(out));
        backupfile::reportProgress(progress, from + int(qint64(middle - from) * in.pos() / total));
    }
    if (!out.flush())
        throw Error(writeError(out));
    out.close();
    QByteArray digest(32, '\0');
    crypto_generichash_final(&hash, reinterpret_cast<unsigned char *>(digest.data()), 32);

    // Read back what reached the file, with the key still at hand (deriving it again costs a second).
    QFile written(outPath);
    if (!written.open(QIODevice::ReadOnly) || written.read(headerSize) != header)
        throw Error(modifiedMessage(QFileInfo(outPath).fileName()));
    if (decryptWith(written, header, key, nullptr, progress, middle, to).digest != digest)
        throw Error(modifiedMessage(QFileInfo(outPath).fileName()));
    return digest;
}

Decrypted decryptFile(const QString &inPath, const QString &plainOut, const QByteArray &passphrase,
    const BackupProgress &progress, int from, int to)
{
    initSodium();
    const QString name = QFileInfo(inPath).fileName();
    QFile in(inPath);
    if (!in.open(QIODevice::ReadOnly))
        throw Error(Text::tr("'%1' could not be read: %2").arg(name, in.errorString()));
    const QByteArray header = in.read(headerSize);
    if (!header.startsWith(magic))
        throw Error(Text::tr("'%1' is not an encrypted Vigil backup.").arg(name));
    if (header.size() < headerSize)
        throw Error(Text::tr("The encrypted backup '%1' is incomplete (its end is missing), so it cannot be used.")
                        .arg(name));
    if (header.at(8) != char(headerVersion) || header.at(9) != char(crypto_pwhash_ALG_ARGON2ID13))
        throw Error(Text::tr("'%1' was encrypted by a newer version of Vigil, so update Vigil to restore it.").arg(name));
    if (passphrase.isEmpty())
        throw Error(Text::tr("'%1' is encrypted; give its passphrase.").arg(name));
    const quint64 ops = qFromBigEndian<quint64>(header.constData() + 12);
    const quint64 mem = qFromBigEndian<quint64>(header.constData() + 20);
    const quint32 chunk = qFromBigEndian<quint32>(header.constData() + 52);
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > maxOpsLimit || mem < crypto_pwhash_MEMLIMIT_MIN || mem > maxMemLimit
        || chunk == 0 || chunk > maxChunkSize)
        throw Error(modifiedMessage(name));
    Key key;
    deriveKey(key, passphrase, reinterpret_cast<const unsigned char *>(header.constData() + 28), ops, size_t(mem));
    const QByteArray check = keyCheck(key);
    if (sodium_memcmp(check.constData(), header.constData() + keyCheckOffset, size_t(check.size())) != 0)
        throw Error(Text::tr("The passphrase is wrong for the backup '%1'.").arg(name));
    std::unique_ptr<QFile> out;
    if (!plainOut.isEmpty()) {
        out = std::make_unique<QFile>(plainOut);
        if (!out->open(QIODevice::WriteOnly | QIODevice::Truncate))
            throw Error(writeError(*out));
    }
    Decrypted result = decryptWith(in, header, key, out.get(), progress, from, to);
    if (out && !out->flush())
        throw Error(writeError(*out));
    return result;
}

} // namespace vigil::backupcrypto
