#pragma once

#include <QList>
#include <QUuid>

#include <random>

namespace vigil {

// Deterministic randomness for demo data: the same seed gives the same site on every machine.
// (std::mt19937_64 is fully specified; the distributions here are written out for that reason.)
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
        : m_engine(seed)
    {
    }

    // Uniform in [low, high].
    qint64 between(qint64 low, qint64 high)
    {
        if (high <= low)
            return low;
        const quint64 span = quint64(high - low) + 1;
        return low + qint64(m_engine() % span);
    }
    double unit() { return double(m_engine() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double probability) { return unit() < probability; }

    template<typename T>
    const T &pick(const QList<T> &items)
    {
        return items.at(between(0, items.size() - 1));
    }

    // Picks an index with the given relative weights.
    qsizetype weighted(const QList<double> &weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double r = unit() * total;
        for (qsizetype i = 0; i < weights.size(); ++i) {
            if (r < weights.at(i))
                return i;
            r -= weights.at(i);
        }
        return weights.size() - 1;
    }

    QUuid uuid()
    {
        QByteArray bytes(16, Qt::Uninitialized);
        for (int i = 0; i < 16; i += 8) {
            const quint64 v = m_engine();
            for (int b = 0; b < 8; ++b)
                bytes[i + b] = char((v >> (8 * b)) & 0xff);
        }
        bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
        return QUuid::fromRfc4122(bytes);
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace vigil
