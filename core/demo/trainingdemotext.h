// The fixed part of the training demo (trainingdemo.cpp): the security posts of Northgate
// Distribution Centre, its two contractor companies, the courses, the post x course grid and the
// names the people are made from; and the certificates attached to a few records
// (trainingdemocertificates.cpp).
#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace vigil::trainingtext {

struct PostText
{
    const char *name;
    const char *description;
    QList<const char *> courses; // what the post needs besides the mandatory courses
    double weight; // share of the security staff on a busy site (0: managers)
};
// The six security posts first, then the managers' posts of the risk demo.
const QList<PostText> &posts();
constexpr int securityPosts = 6;

struct EmployerText
{
    const char *name;
    const char *contact;
    const char *staffPrefix;
};
const QList<EmployerText> &employers();

enum class Scoring : quint8 {
    Percent, // an exam or test marked in per cent (pass mark 70)
    PassFail, // a practical assessment: passed or failed, no mark
    Attended, // attendance is the record
};

struct CourseText
{
    const char *name;
    const char *provider;
    const char *description;
    int validityMonths; // 0: never expires
    bool mandatory;
    Scoring scoring;
    QList<const char *> trainers;
    const char *location; // where its sessions are held
    int before; // days before starting work it may have been done (licences), at most
};
const QList<CourseText> &courses();

// Named people: the officers the incident demo's reports are signed by (they are on the site's
// rota through the demo's years), with their posts and employers (-1: own staff).
struct NamedOfficer
{
    const char *name;
    const char *post;
    int employer;
};
const QList<NamedOfficer> &namedOfficers();

const QList<const char *> &firstNames();
const QList<const char *> &lastNames();

// Notes some records carry, per situation.
const QList<const char *> &failedNotes();
const QList<const char *> &renewalNotes();
const QList<const char *> &cancelledReasons();

// What a certificate says.
struct CertificateText
{
    QString person;
    QString course;
    QString provider;
    QString trainer;
    QDate completed;
    QDate expires; // invalid: no expiry
};
// A one-page PDF, its bytes depending on nothing but the text.
QByteArray certificatePdf(const CertificateText &c);
// A photographed certificate, as an officer hands in on a phone.
QByteArray certificatePng(const CertificateText &c);

} // namespace vigil::trainingtext
