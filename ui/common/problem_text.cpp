#include "common/problem_text.h"

#include <QCoreApplication>

namespace lstm {

namespace {
QString translated(const char *source) { return QCoreApplication::translate(kProblemContext, source); }
} // namespace

QString problemText(const Problem &problem) { return problemSentence(problem, translated); }

} // namespace lstm
