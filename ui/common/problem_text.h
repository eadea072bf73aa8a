#pragma once
// The UI's wording of a core Problem: the source sentence of its code, translated into the interface language
// (context "lstm::Problem"), placeholders filled. The only place the UI turns a Problem into text; safe to call
// from any thread (QCoreApplication::translate is).
#include "common/problem.h"

#include <QString>

namespace lstm {

QString problemText(const Problem &problem);

} // namespace lstm
