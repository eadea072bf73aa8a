// The tape (core/explore/tape.h): one-line labels of symbols, text → token ids with the first unknown character
// and its code-point index, a text tape read and written through a stepper, and a series tape that scales what
// it reads, feeds predictions back in original units and refuses values that are not finite; each entry knows
// whether the model wrote it.
#include "explore/sampler.h"
#include "explore/stepper.h"
#include "explore/tape.h"
#include "test_models.h"

#include <QTest>

#include <cmath>
#include <memory>

using namespace lstm;

namespace {

const std::u32string kSymbols = U"\n\t ab春";

std::shared_ptr<const Model> charModel() {
  auto model = std::make_shared<Model>();
  model->vocabulary = *Vocabulary::create(std::vector<char32_t>(kSymbols.begin(), kSymbols.end()));
  model->config = test::smallConfig(InputKind::OneHot, HeadKind::Softmax, 1);
  model->config.vocabSize = model->vocabulary.size();
  model->parameters = test::randomParameters<float>(model->config, 5, 3.0);
  return model;
}

std::shared_ptr<const Model> seriesModel() {
  auto model = std::make_shared<Model>();
  model->config = test::smallConfig(InputKind::Dense, HeadKind::Regression, 2);
  model->config.inputSize = 1;
  model->config.outputSize = 1;
  model->parameters = test::randomParameters<float>(model->config, 9, 3.0);
  return model;
}

} // namespace

class TestTape : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void labelsShowInvisibleSymbols_data() {
    QTest::addColumn<uint>("symbol");
    QTest::addColumn<QString>("label");
    QTest::newRow("newline") << uint(U'\n') << QStringLiteral("↵");
    QTest::newRow("tab") << uint(U'\t') << QStringLiteral("⇥");
    QTest::newRow("space") << uint(U' ') << QStringLiteral("␣");
    QTest::newRow("letter") << uint(U'a') << QStringLiteral("a");
    QTest::newRow("Chinese") << uint(U'春') << QStringLiteral("春");
    QTest::newRow("outside the BMP") << uint(U'😀') << QStringLiteral("😀");
  }
  void labelsShowInvisibleSymbols() {
    QFETCH(uint, symbol);
    QFETCH(QString, label);
    QCOMPARE(symbolLabel(char32_t(symbol)), label);
    QCOMPARE(symbolText(char32_t(symbol)).toStdU32String(), std::u32string(1, char32_t(symbol)));
  }

  void tokensAreLabelledThroughTheVocabulary() {
    const Vocabulary vocabulary = charModel()->vocabulary;
    QCOMPARE(tokenLabel(vocabulary, vocabulary.idOf(U'\n')), QStringLiteral("↵"));
    QCOMPARE(tokenText(vocabulary, vocabulary.idOf(U'\n')), QStringLiteral("\n"));
    QCOMPARE(tokenLabel(vocabulary, vocabulary.idOf(U'春')), QStringLiteral("春"));
    for (std::int32_t outside : {-1, vocabulary.size()}) {
      QCOMPARE(tokenLabel(vocabulary, outside), QString());
      QCOMPARE(tokenText(vocabulary, outside), QString());
    }
  }

  void encodesEveryCharacter() {
    const Vocabulary vocabulary = charModel()->vocabulary;
    const TextEncoding encoding = encodeText(vocabulary, QStringLiteral("ab 春\n"));
    QVERIFY(!encoding.unknown);
    const std::vector<std::int32_t> expected{vocabulary.idOf(U'a'), vocabulary.idOf(U'b'), vocabulary.idOf(U' '),
                                             vocabulary.idOf(U'春'), vocabulary.idOf(U'\n')};
    QCOMPARE(encoding.tokens, expected);
    QVERIFY(encodeText(vocabulary, QString()).tokens.empty());
  }

  void refusesTheFirstUnknownCharacterWithItsPosition_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<uint>("symbol");
    QTest::addColumn<int>("index");
    QTest::newRow("inside") << QStringLiteral("ab#c#") << uint(U'#') << 2;
    QTest::newRow("first") << QStringLiteral("Ab") << uint(U'A') << 0;
    QTest::newRow("last") << QStringLiteral("ab\r") << uint(U'\r') << 2;
    // Code points are counted, not UTF-16 units: the emoji before '#' is one character.
    QTest::newRow("after a surrogate pair") << QStringLiteral("a😀#") << uint(U'😀') << 1;
    QTest::newRow("counted as one") << QStringLiteral("春😀") << uint(U'😀') << 1;
  }
  void refusesTheFirstUnknownCharacterWithItsPosition() {
    QFETCH(QString, text);
    QFETCH(uint, symbol);
    QFETCH(int, index);
    const TextEncoding encoding = encodeText(charModel()->vocabulary, text);
    QVERIFY(encoding.unknown);
    QCOMPARE(uint(encoding.unknown->symbol), symbol);
    QCOMPARE(encoding.unknown->index, std::size_t(index));
  }

  void textTapeReadsAndWrites() {
    const auto model = charModel();
    Stepper stepper(model);
    TextTape tape(model->vocabulary);
    QCOMPARE(tape.kind(), TapeKind::Text);
    tape.assign(encodeText(model->vocabulary, QStringLiteral("ab\t")).tokens);
    QCOMPARE(tape.length(), 3);
    QCOMPARE(tape.text(), QStringLiteral("ab\t"));
    QCOMPARE(tape.entryText(2), QStringLiteral("\t"));
    QCOMPARE(tape.entryText(3), QString());
    tape.read(stepper, 0);
    tape.read(stepper, 1);
    QCOMPARE(stepper.trace().token(1), model->vocabulary.idOf(U'b'));

    // Writing replaces what followed the position with sampled characters, each read as it is written.
    QVERIFY(!tape.write(stepper, nullptr)); // pick mode: the user chooses
    QCOMPARE(tape.length(), 3);
    Sampler sampler(SamplingOptions{});
    for (int k = 0; k < 5; ++k)
      QVERIFY(tape.write(stepper, &sampler));
    QCOMPARE(tape.length(), 7);
    QCOMPARE(stepper.position(), 7);
    for (int s = 0; s < 7; ++s)
      QCOMPARE(stepper.trace().token(s), tape.token(s));
    tape.writeAt(stepper, 7, model->vocabulary.idOf(U'春'));
    QVERIFY(tape.text().endsWith(QStringLiteral("春")));
    tape.append(encodeText(model->vocabulary, QStringLiteral("ab")).tokens);
    QCOMPARE(tape.length(), 10);

    // The first written character is the tape's first, or a newline on an empty tape.
    Stepper fresh(model);
    TextTape empty(model->vocabulary);
    QVERIFY(empty.write(fresh, &sampler));
    QCOMPARE(empty.text(), QStringLiteral("\n"));
  }

  void seriesTapeScalesWhatItReads() {
    const auto model = seriesModel();
    const SeriesScaling scaling{10.0, 2.0};
    Stepper stepper(model);
    SeriesTape tape(scaling);
    QCOMPARE(tape.kind(), TapeKind::Series);
    QVERIFY(!tape.assign({12.0, 9.0, 0.1 + 0.2}));
    QCOMPARE(tape.length(), 3);
    QCOMPARE(tape.token(0), -1);
    QCOMPARE(tape.entryText(2).toDouble(), 0.1 + 0.2); // 17 digits read back exactly
    QCOMPARE(tape.entryText(3), QString());
    for (int s = 0; s < 3; ++s)
      tape.read(stepper, s);
    QCOMPARE(stepper.trace().input(0)[0], 1.0f);
    QCOMPARE(stepper.trace().input(1)[0], -0.5f);
    for (int s = 0; s < 3; ++s)
      QCOMPARE(tape.prediction(stepper.trace(), s), scaling.invert(double(stepper.trace().prediction(s)[0])));
    QVERIFY(std::isnan(tape.prediction(stepper.trace(), 3)));
    QVERIFY(std::isnan(tape.prediction(stepper.trace(), -1)));

    // Write mode feeds the prediction back in original units and drops the old continuation.
    stepper.back();
    QVERIFY(tape.write(stepper, nullptr));
    QCOMPARE(tape.length(), 3);
    QCOMPARE(tape.value(2), tape.prediction(stepper.trace(), 1));
    QCOMPARE(stepper.trace().input(2)[0], float(scaling.apply(tape.value(2))));

    // An empty series starts writing from the mean.
    Stepper fresh(model);
    SeriesTape empty(scaling);
    QVERIFY(empty.write(fresh, nullptr));
    QCOMPARE(empty.value(0), 10.0);
    QCOMPARE(fresh.trace().input(0)[0], 0.0f);
  }

  void entriesRememberWhetherTheModelWroteThem() {
    // The text view styles written text apart from read text; the origin follows every edit of the tape.
    const auto model = charModel();
    Stepper stepper(model);
    TextTape tape(model->vocabulary);
    tape.assign(encodeText(model->vocabulary, QStringLiteral("ab\t")).tokens);
    tape.read(stepper, 0);
    tape.read(stepper, 1);
    Sampler sampler(SamplingOptions{});
    QVERIFY(tape.write(stepper, &sampler)); // replaces the tab
    QVERIFY(tape.write(stepper, &sampler));
    tape.append(encodeText(model->vocabulary, QStringLiteral("a")).tokens);
    const bool expected[] = {false, false, true, true, false};
    QCOMPARE(tape.length(), 5);
    for (int k = 0; k < 5; ++k)
      QCOMPARE(tape.written(k), expected[k]);
    QVERIFY(!tape.written(-1));
    QVERIFY(!tape.written(5));
    tape.assign(encodeText(model->vocabulary, QStringLiteral("ab")).tokens);
    QVERIFY(!tape.written(0) && !tape.written(1));

    const auto series = seriesModel();
    Stepper seriesStepper(series);
    SeriesTape values(SeriesScaling{10.0, 2.0});
    QVERIFY(!values.assign({12.0, 9.0}));
    values.read(seriesStepper, 0);
    QVERIFY(values.write(seriesStepper, nullptr));
    QVERIFY(!values.written(0));
    QVERIFY(values.written(1));
  }

  void seriesTapeRefusesValuesThatAreNotFinite() {
    SeriesTape tape(SeriesScaling{});
    QVERIFY(!tape.assign({1.0, 2.0}));
    QCOMPARE(tape.assign({1.0, 2.0, std::nan(""), INFINITY}), std::optional<std::size_t>(2));
    QCOMPARE(tape.assign({-INFINITY}), std::optional<std::size_t>(0));
    QCOMPARE(tape.length(), 2); // nothing changed
    QCOMPARE(tape.value(1), 2.0);
  }
};

QTEST_GUILESS_MAIN(TestTape)
#include "tst_tape.moc"
