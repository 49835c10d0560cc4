#pragma once

#include <QString>

#include <stdexcept>

namespace vigil {

// A failure the user should read: the message is one complete, translated sentence.
// Core throws it; the UI or the command line decides how to show it.
class Error : public std::runtime_error
{
public:
    explicit Error(const QString &message)
        : std::runtime_error(message.toStdString())
        , m_message(message)
    {
    }

    const QString &message() const noexcept { return m_message; }

private:
    QString m_message;
};

} // namespace vigil
