#pragma once
// Runs the real lstm-explorer-cli binary (LSTM_CLI_PATH, set by tests/CMakeLists.txt) and captures its exit
// code, stdout and stderr. Blocking; call from the test thread only.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace lstm::test {

struct CliRun {
  bool exitedNormally = false; // started, finished within the timeout, did not crash
  int exitCode = -1;
  QByteArray out;
  QByteArray err;

  // "exit 1, stderr: …" for failure messages.
  QString describe() const {
    return QStringLiteral("exited normally %1, exit code %2, stderr: %3")
        .arg(exitedNormally ? QStringLiteral("yes") : QStringLiteral("no"))
        .arg(exitCode)
        .arg(QString::fromUtf8(err));
  }
};

// Runs `program` with `arguments` and an empty stdin; kills it after `timeoutMs`.
inline CliRun runProgram(const QString &program, const QStringList &arguments, int timeoutMs = 180000) {
  QProcess process;
  process.setProgram(program);
  process.setArguments(arguments);
  process.start();
  CliRun run;
  if (!process.waitForStarted(timeoutMs))
    return run;
  process.closeWriteChannel();
  const bool finished = process.waitForFinished(timeoutMs);
  if (!finished) {
    process.kill();
    process.waitForFinished(timeoutMs);
  }
  run.exitedNormally = finished && process.exitStatus() == QProcess::NormalExit;
  run.exitCode = process.exitCode();
  run.out = process.readAllStandardOutput();
  run.err = process.readAllStandardError();
  return run;
}

inline QString cliPath() { return QStringLiteral(LSTM_CLI_PATH); }

inline CliRun runCli(const QStringList &arguments) { return runProgram(cliPath(), arguments); }

inline QJsonObject parseObject(const QByteArray &bytes, QString *problem) {
  QJsonParseError error;
  const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
  if (error.error != QJsonParseError::NoError || !document.isObject())
    *problem = QStringLiteral("stdout is not one JSON object (%1): %2")
                   .arg(error.errorString(), QString::fromUtf8(bytes.left(300)));
  return document.object();
}

// Empty when `run` failed cleanly: exit `exitCode`, nothing on stdout, exactly one stderr line holding `needles`.
inline QString oneLineErrorProblem(const CliRun &run, int exitCode, const QStringList &needles) {
  if (!run.exitedNormally || run.exitCode != exitCode)
    return QStringLiteral("expected exit %1; %2").arg(exitCode).arg(run.describe());
  if (!run.out.isEmpty())
    return QStringLiteral("expected no stdout, got: %1").arg(QString::fromUtf8(run.out.left(300)));
  if (run.err.count('\n') != 1 || !run.err.endsWith('\n') || run.err.trimmed().isEmpty())
    return QStringLiteral("expected exactly one line on stderr, got: %1").arg(QString::fromUtf8(run.err));
  const QString line = QString::fromUtf8(run.err);
  for (const QString &needle : needles)
    if (!line.contains(needle))
      return QStringLiteral("stderr does not mention \"%1\": %2").arg(needle, line);
  return {};
}


} // namespace lstm::test
