// lstm-explorer-cli corpus FILE [--format F] [--validation F] [--json] [--write-text OUT]
// What training would see: normalised size, vocabulary, split, hash, and the baselines to beat.
#include "cli_common.h"
#include "commands.h"
#include "data/utf8.h"
#include "data/corpus.h"
#include "train/baselines.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <numbers>

namespace lstm::cli {

int runCorpus(const QStringList &arguments) {
  QCommandLineParser parser;
  parser.addOptions({
      {QStringLiteral("format"), QStringLiteral("auto (default), text or fortune."), QStringLiteral("F")},
      {QStringLiteral("validation"), QStringLiteral("Held-out fraction at the end. Default 0.1."), QStringLiteral("F")},
      {QStringLiteral("json"), QStringLiteral("Print one JSON object.")},
      {QStringLiteral("write-text"), QStringLiteral("Write the normalised text (what training reads) as UTF-8 to OUT."),
       QStringLiteral("OUT")},
  });
  parseOrThrow(parser, arguments,
               QStringLiteral("Load a corpus as training would and report its size, vocabulary, split and the "
                              "unigram and bigram baselines on its validation text."),
               {QStringLiteral("FILE")});
  CorpusOptions options;
  const QString format = parser.value(QStringLiteral("format"));
  if (!format.isEmpty() && !parseCorpusFormat(format.toStdString(), options.format))
    throw CliError{QStringLiteral("--format must be auto, text or fortune, not \"%1\"").arg(format)};
  options.validationFraction = doubleOption(parser, QStringLiteral("validation"), options.validationFraction);
  Problem problem;
  const auto corpus = loadCorpus(parser.positionalArguments().at(0), options, &problem);
  if (!corpus)
    throw problemError(problem);
  const Baselines baselines = computeBaselines(corpus->train(), corpus->validation(), corpus->vocabulary.size());

  if (parser.isSet(QStringLiteral("write-text"))) {
    QSaveFile out(parser.value(QStringLiteral("write-text")));
    const std::string text = encodeUtf8(corpus->text(0, corpus->size()));
    if (!out.open(QIODevice::WriteOnly) || out.write(text.data(), qint64(text.size())) != qint64(text.size()) ||
        !out.commit())
      throw CliError{QStringLiteral("%1: %2").arg(out.fileName(), out.errorString())};
  }
  if (parser.isSet(QStringLiteral("json"))) {
    const QJsonObject json{{QStringLiteral("name"), corpus->name},
                           {QStringLiteral("format"), QString::fromLatin1(toString(corpus->format))},
                           {QStringLiteral("bytes"), qint64(corpus->fileBytes)},
                           {QStringLiteral("characters"), qint64(corpus->size())},
                           {QStringLiteral("vocabulary_size"), corpus->vocabulary.size()},
                           {QStringLiteral("train_characters"), qint64(corpus->trainSize)},
                           {QStringLiteral("validation_characters"), qint64(corpus->size() - corpus->trainSize)},
                           {QStringLiteral("sha256"), QString::fromLatin1(corpus->sha256)},
                           {QStringLiteral("unigram_loss"), baselines.unigram},
                           {QStringLiteral("bigram_loss"), baselines.bigram}};
    writeStdout(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    return kOk;
  }
  const double ln2 = std::numbers::ln2;
  writeStdout(QStringLiteral("corpus      %1 (%2 format, %3 bytes, SHA-256 %4)\n"
                             "characters  %5: %6 for training, %7 for validation\n"
                             "vocabulary  %8 distinct characters\n"
                             "baselines   unigram %9 nats/char (%10 bits), bigram %11 nats/char (%12 bits) on the "
                             "validation text")
                  .arg(corpus->name, QString::fromLatin1(toString(corpus->format)))
                  .arg(corpus->fileBytes)
                  .arg(QString::fromLatin1(corpus->sha256.left(16)) + QStringLiteral("…"))
                  .arg(corpus->size())
                  .arg(corpus->trainSize)
                  .arg(corpus->size() - corpus->trainSize)
                  .arg(corpus->vocabulary.size())
                  .arg(baselines.unigram, 0, 'f', 3)
                  .arg(baselines.unigram / ln2, 0, 'f', 3)
                  .arg(baselines.bigram, 0, 'f', 3)
                  .arg(baselines.bigram / ln2, 0, 'f', 3));
  return kOk;
}

} // namespace lstm::cli
