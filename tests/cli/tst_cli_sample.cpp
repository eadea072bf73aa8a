// lstm-explorer-cli sample from the outside: runs the built binary with QProcess on the built-in model and on
// small random models written here. Primer and length in code points, seeded reproducibility, --json, the same
// text as a recorded core generate(), one-line errors with the documented exit codes
// (cli_common.h: 1 bad input, 2 wrong usage), --help.
#include "cli_runner.h"
#include "english_problem.h"
#include "explore/sampler.h"
#include "explore/stepper.h"
#include "io/model_file.h"
#include "test_models.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lstm;
using lstm::test::english;
using test::CliRun;
using test::oneLineErrorProblem;
using test::parseObject;
using test::runCli;

namespace {

const QString kSample = QStringLiteral("sample");
const QString kDefaultModel = QStringLiteral(":/models/default.lstm");


qsizetype codePoints(const QString &text) { return text.toUcs4().size(); }

Model randomModel(InputKind input, HeadKind head, const std::vector<char32_t> &symbols) {
  Model model;
  model.config = test::smallConfig(input, head, 2, 8);
  if (!symbols.empty()) {
    model.config.vocabSize = int(symbols.size());
    model.vocabulary = *Vocabulary::create(symbols);
  }
  model.parameters = test::randomParameters<float>(model.config, 21, 2.0);
  return model;
}

} // namespace

class TestCliSample : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void primerThenLength_data();
  void primerThenLength();
  void seeds();
  void greedyIgnoresSeed();
  void jsonFields();
  void matchesCoreGenerate_data();
  void matchesCoreGenerate();
  void badInput_data();
  void badInput();
  void help();

private:
  QString path(const QString &name) const { return m_dir.filePath(name); }
  CliRun sample(const QString &model, const QStringList &options) const {
    return runCli(QStringList{kSample, model} + options);
  }

  QTemporaryDir m_dir;
  QString m_small; // softmax model over "\n", "a", "b", "é", "春": multi-byte UTF-8 output
};

void TestCliSample::initTestCase() {
  QVERIFY(m_dir.isValid());
  QVERIFY2(QFileInfo(test::cliPath()).isExecutable(), qPrintable(test::cliPath()));
  Problem error;
  m_small = path(QStringLiteral("small.lstm"));
  QVERIFY2(saveModel(randomModel(InputKind::OneHot, HeadKind::Softmax, {U'\n', U'a', U'b', U'é', U'春'}), m_small,
                     &error),
           qPrintable(english(error)));
  QVERIFY2(saveModel(randomModel(InputKind::Dense, HeadKind::Regression, {}), path(QStringLiteral("dense.lstm")),
                     &error),
           qPrintable(english(error)));
  QVERIFY2(saveModel(randomModel(InputKind::Embedding, HeadKind::Regression, {U'a', U'b', U'c', U'd', U'e'}),
                     path(QStringLiteral("regression.lstm")), &error),
           qPrintable(english(error)));
  QFile corrupt(path(QStringLiteral("corrupt.lstm")));
  QVERIFY(corrupt.open(QIODevice::WriteOnly));
  corrupt.write("LSTMXPLR this is not a model file");
}

void TestCliSample::primerThenLength_data() {
  QTest::addColumn<bool>("builtIn");
  QTest::addColumn<QString>("primer");
  QTest::addColumn<int>("length");
  QTest::addColumn<QString>("temperature");
  QTest::newRow("built-in, primer") << true << QStringLiteral("The meaning of ") << 200 << QStringLiteral("1");
  QTest::newRow("built-in, cool") << true << QStringLiteral("Love ") << 150 << QStringLiteral("0.5");
  QTest::newRow("built-in, no primer") << true << QString() << 100 << QStringLiteral("1");
  QTest::newRow("built-in, length 0") << true << QStringLiteral("A") << 0 << QStringLiteral("1");
  QTest::newRow("multi-byte characters") << false << QStringLiteral("a春é") << 300 << QStringLiteral("1.5");
}

void TestCliSample::primerThenLength() {
  QFETCH(bool, builtIn);
  QFETCH(QString, primer);
  QFETCH(int, length);
  QFETCH(QString, temperature);
  const QStringList options{QStringLiteral("--primer"), primer, QStringLiteral("--length"), QString::number(length),
                            QStringLiteral("--temperature"), temperature, QStringLiteral("--seed"),
                            QStringLiteral("3")};
  const QString model = builtIn ? kDefaultModel : m_small;
  const CliRun plain = sample(model, options);
  QVERIFY2(plain.exitedNormally && plain.exitCode == 0 && plain.err.isEmpty(), qPrintable(plain.describe()));
  const CliRun json = sample(model, options + QStringList{QStringLiteral("--json")});
  QVERIFY2(json.exitedNormally && json.exitCode == 0, qPrintable(json.describe()));
  QString problem;
  const QJsonObject object = parseObject(json.out, &problem);
  QVERIFY2(problem.isEmpty(), qPrintable(problem));
  const QString text = object[QStringLiteral("text")].toString();
  QCOMPARE(codePoints(text), qsizetype(length));

  // stdout is the primer, the generated text, and a newline unless the text already ends with one.
  const QString out = QString::fromUtf8(plain.out);
  QVERIFY2(out.startsWith(primer), qPrintable(out));
  QString expected = primer + text;
  if (!expected.endsWith(QLatin1Char('\n')))
    expected += QLatin1Char('\n');
  QCOMPARE(out, expected);
  QVERIFY(codePoints(out) == codePoints(primer) + length || codePoints(out) == codePoints(primer) + length + 1);
}

void TestCliSample::seeds() {
  auto run = [&](const QString &seed) {
    return sample(kDefaultModel, {QStringLiteral("--primer"), QStringLiteral("The "), QStringLiteral("--length"),
                                  QStringLiteral("200"), QStringLiteral("--seed"), seed});
  };
  const CliRun a = run(QStringLiteral("7")), b = run(QStringLiteral("7")), c = run(QStringLiteral("8"));
  QVERIFY2(a.exitedNormally && a.exitCode == 0, qPrintable(a.describe()));
  QCOMPARE(a.out, b.out);
  QVERIFY(a.out != c.out);
  // The whole unsigned 64-bit range is accepted, and its ends are different seeds.
  const CliRun top = run(QStringLiteral("18446744073709551615")), below = run(QStringLiteral("18446744073709551614"));
  QVERIFY2(top.exitedNormally && top.exitCode == 0, qPrintable(top.describe()));
  QVERIFY(top.out != below.out);
}

void TestCliSample::greedyIgnoresSeed() {
  auto run = [&](const QString &seed) {
    return sample(kDefaultModel, {QStringLiteral("--primer"), QStringLiteral("The "), QStringLiteral("--length"),
                                  QStringLiteral("120"), QStringLiteral("--temperature"), QStringLiteral("0"),
                                  QStringLiteral("--seed"), seed});
  };
  const CliRun a = run(QStringLiteral("1")), b = run(QStringLiteral("1")), c = run(QStringLiteral("2"));
  QVERIFY2(a.exitedNormally && a.exitCode == 0, qPrintable(a.describe()));
  QCOMPARE(a.out, b.out);
  QCOMPARE(a.out, c.out);
}

void TestCliSample::jsonFields() {
  const CliRun run = sample(kDefaultModel, {QStringLiteral("--primer"), QStringLiteral("Time "),
                                            QStringLiteral("--length"), QStringLiteral("64"),
                                            QStringLiteral("--temperature"), QStringLiteral("0.75"),
                                            QStringLiteral("--top-k"), QStringLiteral("10"), QStringLiteral("--top-p"),
                                            QStringLiteral("0.9"), QStringLiteral("--seed"),
                                            QStringLiteral("12345678901234567890"), QStringLiteral("--json")});
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  QString problem;
  const QJsonObject json = parseObject(run.out, &problem);
  QVERIFY2(problem.isEmpty(), qPrintable(problem));
  QCOMPARE(json.size(), 6);
  QCOMPARE(json[QStringLiteral("primer")].toString(), QStringLiteral("Time "));
  QCOMPARE(codePoints(json[QStringLiteral("text")].toString()), qsizetype(64));
  QCOMPARE(json[QStringLiteral("temperature")].toDouble(), 0.75);
  QCOMPARE(json[QStringLiteral("top_k")].toInt(), 10);
  QCOMPARE(json[QStringLiteral("top_p")].toDouble(), 0.9);
  // A double cannot hold every 64-bit seed: check the digits as written.
  QVERIFY2(run.out.contains("\"seed\":12345678901234567890"), run.out.constData());
}

void TestCliSample::matchesCoreGenerate_data() {
  QTest::addColumn<bool>("builtIn");
  QTest::addColumn<QString>("primer");
  QTest::addColumn<int>("length");
  // The command steps without recording a trace; thousands of its characters must equal those of a recorded
  // core generate() with the same options.
  QTest::newRow("built-in, primer") << true << QStringLiteral("The ") << 5000;
  QTest::newRow("built-in, no primer") << true << QString() << 3000;
  QTest::newRow("multi-byte characters") << false << QStringLiteral("ab春") << 3000;
}

void TestCliSample::matchesCoreGenerate() {
  QFETCH(bool, builtIn);
  QFETCH(QString, primer);
  QFETCH(int, length);
  // The file the CLI embeds as :/models/default.lstm (resources/models.qrc); tests cannot read the resource.
  const QString file = builtIn ? QStringLiteral(LSTM_SOURCE_DIR "/resources/models/default.lstm") : m_small;
  SamplingOptions options;
  options.temperature = 1.3;
  options.topK = 4;
  options.topP = 0.95;
  options.seed = 99;
  const QStringList arguments{QStringLiteral("--primer"), primer, QStringLiteral("--length"), QString::number(length),
                               QStringLiteral("--temperature"), QStringLiteral("1.3"), QStringLiteral("--top-k"),
                               QStringLiteral("4"), QStringLiteral("--top-p"), QStringLiteral("0.95"),
                               QStringLiteral("--seed"), QStringLiteral("99"), QStringLiteral("--json")};
  const CliRun run = sample(builtIn ? kDefaultModel : m_small, arguments);
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  QString problem;
  const QString text = parseObject(run.out, &problem)[QStringLiteral("text")].toString();
  QVERIFY2(problem.isEmpty(), qPrintable(problem));

  Problem error;
  auto model = loadModel(file, &error);
  QVERIFY2(model, qPrintable(english(error)));
  const auto shared = std::make_shared<const Model>(std::move(*model));
  std::vector<std::int32_t> primerTokens;
  for (uint c : primer.toUcs4())
    primerTokens.push_back(shared->vocabulary.idOf(char32_t(c)));
  Stepper stepper(shared);
  Sampler sampler(options);
  std::u32string expected;
  for (std::int32_t token : generate(stepper, primerTokens, length, sampler))
    expected.push_back(shared->vocabulary.symbol(token));
  QCOMPARE(text, QString::fromUcs4(expected.data(), qsizetype(expected.size())));
}

void TestCliSample::badInput_data() {
  QTest::addColumn<QStringList>("arguments");
  QTest::addColumn<int>("exitCode");
  QTest::addColumn<QStringList>("needles"); // each must appear in the one stderr line
  const QString m = kDefaultModel, temperature = QStringLiteral("--temperature"), topP = QStringLiteral("--top-p");
  QTest::newRow("negative temperature") << QStringList{m, temperature, QStringLiteral("-1")} << 1
                                        << QStringList{QStringLiteral("temperature"), QStringLiteral("-1")};
  QTest::newRow("NaN temperature") << QStringList{m, temperature, QStringLiteral("nan")} << 1
                                   << QStringList{temperature};
  QTest::newRow("zero top-p") << QStringList{m, topP, QStringLiteral("0")} << 1 << QStringList{QStringLiteral("top-p")};
  QTest::newRow("top-p above 1") << QStringList{m, topP, QStringLiteral("1.5")} << 1
                                 << QStringList{QStringLiteral("top-p"), QStringLiteral("1.5")};
  QTest::newRow("NaN top-p") << QStringList{m, topP, QStringLiteral("nan")} << 1 << QStringList{topP};
  QTest::newRow("negative top-k") << QStringList{m, QStringLiteral("--top-k"), QStringLiteral("-2")} << 1
                                  << QStringList{QStringLiteral("--top-k")};
  QTest::newRow("length too large") << QStringList{m, QStringLiteral("--length"), QStringLiteral("10000001")} << 1
                                    << QStringList{QStringLiteral("--length")};
  QTest::newRow("negative seed") << QStringList{m, QStringLiteral("--seed"), QStringLiteral("-1")} << 1
                                 << QStringList{QStringLiteral("--seed")};
  QTest::newRow("seed above 2^64") << QStringList{m, QStringLiteral("--seed"), QStringLiteral("18446744073709551616")}
                                   << 1 << QStringList{QStringLiteral("--seed")};
  // The built-in vocabulary has no capital X.
  QTest::newRow("primer character not in vocabulary")
      << QStringList{m, QStringLiteral("--primer"), QStringLiteral("The X")} << 1
      << QStringList{QStringLiteral("'X'"), QStringLiteral("U+0058"), QStringLiteral("position 4"),
                     QStringLiteral("--primer")};
  const QString dense = path(QStringLiteral("dense.lstm")), regression = path(QStringLiteral("regression.lstm"));
  QTest::newRow("dense model") << QStringList{dense} << 1 << QStringList{dense, QStringLiteral("softmax")};
  QTest::newRow("regression model") << QStringList{regression} << 1
                                    << QStringList{regression, QStringLiteral("softmax")};
  const QString absent = path(QStringLiteral("absent.lstm")), corrupt = path(QStringLiteral("corrupt.lstm"));
  QTest::newRow("missing model") << QStringList{absent} << 1 << QStringList{absent};
  QTest::newRow("corrupt model") << QStringList{corrupt} << 1 << QStringList{corrupt};
  QTest::newRow("unknown option") << QStringList{m, QStringLiteral("--frobnicate")} << 2
                                  << QStringList{QStringLiteral("frobnicate")};
  QTest::newRow("no model") << QStringList{} << 2 << QStringList{QStringLiteral("MODEL")};
  QTest::newRow("two models") << QStringList{m, m} << 2 << QStringList{QStringLiteral("MODEL")};
}

void TestCliSample::badInput() {
  QFETCH(QStringList, arguments);
  QFETCH(int, exitCode);
  QFETCH(QStringList, needles);
  const QString problem = oneLineErrorProblem(runCli(QStringList{kSample} + arguments), exitCode, needles);
  QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCliSample::help() {
  const CliRun run = runCli({kSample, QStringLiteral("--help")});
  QVERIFY2(run.exitedNormally && run.exitCode == 0, qPrintable(run.describe()));
  const QString text = QString::fromUtf8(run.out);
  QVERIFY2(text.contains(QStringLiteral("lstm-explorer-cli sample")), qPrintable(text));
  for (const char *option :
       {"--primer", "--length", "--temperature", "--top-k", "--top-p", "--seed", "--json", "MODEL"})
    QVERIFY2(text.contains(QLatin1String(option)), option);
}

QTEST_GUILESS_MAIN(TestCliSample)
#include "tst_cli_sample.moc"
