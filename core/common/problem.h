#pragma once
// Errors as data. Core never words a problem for a person: a function that can fail for a reason the user must
// see takes a `Problem *problem` (may be null), fills it and returns false / nullopt / nullptr. A Problem is a
// code plus the facts the sentence needs (file, line, column, value, limit, …); the sentence itself is made at the
// edge — the UI translates it (ui/common/problem_text.h), the CLI prints it in English (app/cli_common.h) — from
// the one table of source sentences in problem_sentences.cpp. Internal invariants stay asserts.
#include "problem_code.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <utility>

namespace lstm {

struct Problem {
  ProblemCode code = ProblemCode::None;
  QString file;       // {file}: the file (or in-memory corpus name) concerned; the sentence then starts "<file>: "
  qint64 line = 0;    // {line}: 1-based; 0 = not about a line
  qint64 column = 0;  // {column}: 1-based; 0 = not about a column
  QString field;      // {field}: a named column, a JSON field path or a setting
  QString value;      // {value}: the offending text or number as found
  QString limit;      // {limit}: the bound it broke
  QStringList args;   // {1}, {2}, …: further facts, in the order the code's sentence names them
  std::shared_ptr<const Problem> cause; // {cause}: the underlying problem, worded with the same table

  Problem() = default;
  explicit Problem(ProblemCode problemCode, QStringList arguments = {})
      : code(problemCode), args(std::move(arguments)) {}

  bool isSet() const { return code != ProblemCode::None; }

  Problem &inFile(const QString &path) {
    file = path;
    return *this;
  }
  Problem &at(qint64 lineNumber, qint64 columnNumber = 0) {
    line = lineNumber;
    column = columnNumber;
    return *this;
  }
  Problem &withField(const QString &text) {
    field = text;
    return *this;
  }
  Problem &withValue(const QString &text) {
    value = text;
    return *this;
  }
  Problem &withLimit(const QString &text) {
    limit = text;
    return *this;
  }
  Problem &because(Problem underlying) {
    cause = std::make_shared<const Problem>(std::move(underlying));
    return *this;
  }
};

// Stores `problem` in `out` when it is non-null; returns false so that `return report(out, …);` ends a bool
// function (and `report(out, …); return std::nullopt;` the others).
inline bool report(Problem *out, Problem problem) {
  if (out)
    *out = std::move(problem);
  return false;
}

// Sets the file of `problem` (when non-null and not set yet): the outermost function that knows the path does it.
inline void setProblemFile(Problem *problem, const QString &path) {
  if (problem && problem->file.isEmpty())
    problem->file = path;
}

// Turns a source sentence of the table into the reader's language; given the English source (UTF-8).
using ProblemTranslator = QString (*)(const char *source);

// The sentence for `problem`: its code's source sentence passed through `translate`, placeholders filled in,
// "<file>: " in front when a file is set. The only place that words problems.
QString problemSentence(const Problem &problem, ProblemTranslator translate);
// problemSentence without translation: the English the CLI prints and core tests compare.
QString problemInEnglish(const Problem &problem);
// The translation context of the source sentences (for QCoreApplication::translate and lupdate).
inline constexpr char kProblemContext[] = "lstm::Problem";

} // namespace lstm
