// `lstm-explorer-cli train`: JSON progress lines, the trained model working with sample/trace/grad,
// Ctrl-C saving a checkpoint that resumes to exactly the weights of an uninterrupted run, and refusals.
#include "cli_runner.h"
#include "io/model_file.h"
#include "model/rng.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace lstm;
using namespace lstm::test;

class TestCliTrain : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void jsonProgressAndATrainedModel();
  void resumedRunEqualsUninterrupted();
  void interruptSavesACheckpoint();
  void refusals_data();
  void refusals();

private:
  QString path(const QString &name) const { return m_dir.filePath(name); }
  static QStringList small() {
    return {QStringLiteral("--hidden"), QStringLiteral("16"), QStringLiteral("--layers"), QStringLiteral("1"),
            QStringLiteral("--seq"),    QStringLiteral("16"), QStringLiteral("--batch"),  QStringLiteral("4"),
            QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--eval-every"), QStringLiteral("5")};
  }
  QTemporaryDir m_dir;
  QString m_corpus;
};

void TestCliTrain::initTestCase() {
  QVERIFY(m_dir.isValid());
  // A small generated text with English and Chinese characters.
  Rng rng(3);
  const QStringList words{QStringLiteral("spring"), QStringLiteral("dawn"), QStringLiteral("birds"), QStringLiteral("春眠"),
                          QStringLiteral("不覺曉"), QStringLiteral("處處"), QStringLiteral("聞啼鳥")};
  QString text;
  for (int k = 0; k < 2000; ++k)
    text += words[qsizetype(rng.below(std::uint64_t(words.size())))] + (k % 7 == 6 ? QStringLiteral("\n") : QStringLiteral(" "));
  m_corpus = path(QStringLiteral("corpus.txt"));
  QFile file(m_corpus);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(text.toUtf8());
}

void TestCliTrain::jsonProgressAndATrainedModel() {
  const QString model = path(QStringLiteral("json.lstm"));
  const CliRun run = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--corpus"), m_corpus, QStringLiteral("--out"),
                                        model, QStringLiteral("--iters"), QStringLiteral("12"), QStringLiteral("--json-progress")} +
                            small());
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  const QList<QByteArray> lines = run.out.trimmed().split('\n');
  QCOMPARE(lines.size(), 13); // one per iteration, then the summary
  for (qsizetype k = 0; k < 12; ++k) {
    const QJsonObject p = QJsonDocument::fromJson(lines[k]).object();
    QCOMPARE(p[QStringLiteral("iter")].toInt(), int(k + 1));
    for (const char *field : {"epoch", "train_loss", "tokens_per_s", "eta_s"})
      QVERIFY2(p[QLatin1String(field)].isDouble(), field);
    // Validation appears at the first evaluation (iteration 5) and is carried afterwards.
    QCOMPARE(p[QStringLiteral("val_loss")].isDouble(), k + 1 >= 5);
    QCOMPARE(p[QStringLiteral("bits_per_char")].isDouble(), k + 1 >= 5);
  }
  const QJsonObject done = QJsonDocument::fromJson(lines.last()).object();
  QCOMPARE(done[QStringLiteral("outcome")].toString(), QStringLiteral("finished"));
  QVERIFY(done[QStringLiteral("best_val_loss")].toDouble() > 0);
  QVERIFY(done[QStringLiteral("unigram_loss")].toDouble() > done[QStringLiteral("bigram_loss")].toDouble());
  QVERIFY2(run.err.contains("best validation loss") && run.err.contains("unigram"), run.err.constData());

  // The trained model works with the other commands, Chinese included.
  const CliRun sample = runCli({QStringLiteral("sample"), model, QStringLiteral("--primer"), QStringLiteral("春眠"),
                                QStringLiteral("--length"), QStringLiteral("40"), QStringLiteral("--seed"), QStringLiteral("4")});
  QVERIFY2(sample.exitCode == 0 && QString::fromUtf8(sample.out).startsWith(QStringLiteral("春眠")), qPrintable(sample.describe()));
  QCOMPARE(runCli({QStringLiteral("trace"), model, QStringLiteral("--text"), QStringLiteral("處處聞 dawn"), QStringLiteral("--json")}).exitCode, 0);
  QCOMPARE(runCli({QStringLiteral("grad"), model, QStringLiteral("--text"), QStringLiteral("spring dawn"), QStringLiteral("--json")}).exitCode, 0);
  const CliRun info = runCli({QStringLiteral("info"), model, QStringLiteral("--json")});
  const QJsonObject training = QJsonDocument::fromJson(info.out).object()[QStringLiteral("metadata")].toObject()[QStringLiteral("training")].toObject();
  QCOMPARE(training[QStringLiteral("corpus")].toString(), QStringLiteral("corpus.txt"));
  QCOMPARE(training[QStringLiteral("corpus_sha256")].toString().size(), 64);
  QCOMPARE(training[QStringLiteral("history")].toArray().size(), 3); // iterations 5, 10, 12
}

void TestCliTrain::resumedRunEqualsUninterrupted() {
  const QString whole = path(QStringLiteral("whole.lstm")), part = path(QStringLiteral("part.lstm")),
                resumed = path(QStringLiteral("resumed.lstm")), checkpoint = path(QStringLiteral("part.ckpt"));
  const QStringList base = QStringList{QStringLiteral("train"), QStringLiteral("--corpus"), m_corpus} + small();
  QCOMPARE(runCli(base + QStringList{QStringLiteral("--out"), whole, QStringLiteral("--iters"), QStringLiteral("30")}).exitCode, 0);
  QCOMPARE(runCli(base + QStringList{QStringLiteral("--out"), part, QStringLiteral("--iters"), QStringLiteral("13"),
                                     QStringLiteral("--checkpoint"), checkpoint}).exitCode, 0);
  const CliRun run = runCli({QStringLiteral("train"), QStringLiteral("--corpus"), m_corpus, QStringLiteral("--resume"), checkpoint,
                             QStringLiteral("--iters"), QStringLiteral("30"), QStringLiteral("--out"), resumed});
  QVERIFY2(run.exitCode == 0 && run.err.contains("resuming at iteration 13"), qPrintable(run.describe()));
  QString error;
  const auto a = loadModel(whole, &error), b = loadModel(resumed, &error);
  QVERIFY2(a && b, qPrintable(error));
  QVERIFY(a->parameters.flat() == b->parameters.flat());
}

void TestCliTrain::interruptSavesACheckpoint() {
  const QString model = path(QStringLiteral("interrupted.lstm"));
  QProcess process;
  process.start(QStringLiteral(LSTM_CLI_PATH),
                QStringList{QStringLiteral("train"), QStringLiteral("--corpus"), m_corpus, QStringLiteral("--out"), model,
                            QStringLiteral("--iters"), QStringLiteral("1000000"), QStringLiteral("--json-progress")} +
                    small());
  QVERIFY(process.waitForStarted());
  // Wait for real progress, then press Ctrl-C.
  QByteArray seen;
  QTRY_VERIFY_WITH_TIMEOUT((seen += process.readAllStandardOutput(), seen.count('\n') >= 3), 60000);
  QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
  QVERIFY(process.waitForFinished(60000));
  seen += process.readAllStandardOutput();
  const QByteArray err = process.readAllStandardError();
  QCOMPARE(process.exitStatus(), QProcess::NormalExit);
  QCOMPARE(process.exitCode(), 130);
  QVERIFY2(err.contains("stopped") && err.contains("--resume"), err.constData());
  QVERIFY(seen.contains("\"outcome\":\"cancelled\""));
  const QString checkpoint = model + QStringLiteral(".ckpt");
  QVERIFY(QFile::exists(model) && QFile::exists(checkpoint));
  // It resumes and finishes.
  const CliRun resumed = runCli({QStringLiteral("train"), QStringLiteral("--corpus"), m_corpus, QStringLiteral("--resume"), checkpoint,
                                 QStringLiteral("--iters"), QStringLiteral("1"), QStringLiteral("--out"), model});
  QVERIFY2(resumed.exitCode == 1 && resumed.err.contains("already at iteration"), qPrintable(resumed.describe()));
  const CliRun more = runCli({QStringLiteral("train"), QStringLiteral("--corpus"), m_corpus, QStringLiteral("--resume"), checkpoint,
                              QStringLiteral("--iters"), QString::number(seen.count('\n') + 20), QStringLiteral("--out"), model});
  QVERIFY2(more.exitCode == 0, qPrintable(more.describe()));
}

void TestCliTrain::refusals_data() {
  QTest::addColumn<QStringList>("arguments");
  QTest::addColumn<int>("exitCode");
  QTest::addColumn<QString>("phrase");
  const QString out = QStringLiteral("--out"), model = QStringLiteral("/tmp/never-written.lstm"), corpus = QStringLiteral("--corpus");
  QTest::newRow("no corpus") << QStringList{out, model} << 2 << QStringLiteral("one of --corpus, --series or --generator");
  QTest::newRow("missing file") << QStringList{corpus, QStringLiteral("/no/such/file.txt"), out, model} << 1 << QStringLiteral("/no/such/file.txt");
  QTest::newRow("iters and epochs") << QStringList{corpus, QStringLiteral("%CORPUS%"), out, model, QStringLiteral("--iters"), QStringLiteral("3"),
                                                   QStringLiteral("--epochs"), QStringLiteral("1")} << 2 << QStringLiteral("either --iters or --epochs");
  QTest::newRow("hidden 0") << QStringList{corpus, QStringLiteral("%CORPUS%"), out, model, QStringLiteral("--hidden"), QStringLiteral("0")}
                            << 1 << QStringLiteral("--hidden");
  QTest::newRow("window longer than the text") << QStringList{corpus, QStringLiteral("%CORPUS%"), out, model, QStringLiteral("--seq"), QStringLiteral("50000")}
                                               << 1 << QStringLiteral("need at least");
  QTest::newRow("bad optimizer") << QStringList{corpus, QStringLiteral("%CORPUS%"), out, model, QStringLiteral("--optimizer"), QStringLiteral("lion")}
                                 << 1 << QStringLiteral("adam, rmsprop or sgd");
  QTest::newRow("one-symbol corpus") << QStringList{corpus, QStringLiteral("%ONE%"), out, model} << 1 << QStringLiteral("only one distinct character");
  QTest::newRow("invalid UTF-8") << QStringList{corpus, QStringLiteral("%BAD%"), out, model} << 1 << QStringLiteral("byte 3");
  QTest::newRow("foreign checkpoint") << QStringList{corpus, QStringLiteral("%CORPUS%"), out, model, QStringLiteral("--resume"), QStringLiteral("%CORPUS%")}
                                      << 1 << QStringLiteral("corpus.txt");
}

void TestCliTrain::refusals() {
  QFETCH(QStringList, arguments);
  QFETCH(int, exitCode);
  QFETCH(QString, phrase);
  const auto write = [&](const QString &name, const QByteArray &bytes) {
    QFile file(path(name));
    file.open(QIODevice::WriteOnly);
    file.write(bytes);
    return file.fileName();
  };
  const QString one = write(QStringLiteral("one.txt"), QByteArray(500, 'a')), bad = write(QStringLiteral("bad.txt"), QByteArray("abc\xff" "def"));
  for (QString &argument : arguments)
    argument.replace(QStringLiteral("%CORPUS%"), m_corpus).replace(QStringLiteral("%ONE%"), one).replace(QStringLiteral("%BAD%"), bad);
  const CliRun run = runCli(QStringList{QStringLiteral("train")} + arguments);
  QCOMPARE(run.exitCode, exitCode);
  QVERIFY2(run.err.trimmed().count('\n') == 0 && QString::fromUtf8(run.err).contains(phrase), qPrintable(run.describe()));
  QVERIFY(!QFile::exists(QStringLiteral("/tmp/never-written.lstm")));
}

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
