#pragma once
// Real files for tests that read from disk.
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace lstm::test {

// Writes `bytes` to `name` inside `dir` and returns the path; an empty string when writing failed.
inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes) {
  const QString path = dir.filePath(name);
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
    return QString();
  return path;
}

} // namespace lstm::test
