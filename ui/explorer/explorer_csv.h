#pragma once
// The explorer's trace as CSV (RFC 4180, UTF-8, "\n" line ends), one row per step, layer and unit:
//   step,char,layer,unit,i,f,g,o,c,h
// `step` is the trace index, counted from 0 like the lesson files' "cursor" (the views show it as step + 1, counted
// from 1). `char` is the character read at that step (quoted when it is a comma, quote or line break; empty for
// dense input); values are printed with 9 significant digits, so they read back as the exact floats. Written atomically.
#include <QString>

namespace lstm {

class ExplorerSession;

// False with "<path>: <problem>" in `error` without a model or when the file cannot be written.
bool exportTraceCsv(const ExplorerSession &session, const QString &path, QString *error);
bool writeTraceCsv(const ExplorerSession &session, const QString &path, QString *error); // precondition: a model
QString csvField(const QString &text); // quoted and doubled when needed

} // namespace lstm
