#include "text_input_panel.h"

#include "explorer_session.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lstm {

TextInputPanel::TextInputPanel(ExplorerSession *session, QWidget *parent) : QWidget(parent), m_session(session) {
  setObjectName(QStringLiteral("textInputPanel"));
  m_edit = new QPlainTextEdit;
  m_edit->setObjectName(QStringLiteral("primerEdit"));
  m_edit->setTabChangesFocus(true);
  m_seriesHint = new QLabel;
  m_seriesHint->setObjectName(QStringLiteral("seriesHint"));
  m_seriesHint->setWordWrap(true);
  m_seriesHint->setVisible(false);
  m_replace = new QPushButton;
  m_replace->setObjectName(QStringLiteral("replaceTextButton"));
  m_append = new QPushButton;
  m_append->setObjectName(QStringLiteral("appendTextButton"));
  m_readAll = new QPushButton;
  m_readAll->setObjectName(QStringLiteral("readAllButton"));
  retranslateUi();

  auto *buttons = new QHBoxLayout;
  buttons->addWidget(m_replace);
  buttons->addWidget(m_append);
  buttons->addWidget(m_readAll);
  buttons->addStretch(1);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_seriesHint);
  layout->addWidget(m_edit, 1);
  layout->addLayout(buttons);

  connect(m_replace, &QPushButton::clicked, this, &TextInputPanel::replaceText);
  connect(m_append, &QPushButton::clicked, this, &TextInputPanel::appendText);
  connect(m_readAll, &QPushButton::clicked, session, [session] {
    session->setMode(DriveMode::Read);
    session->runTo(session->tapeLength());
  });
  connect(session, &ExplorerSession::modelChanged, this, &TextInputPanel::updateForModel);
  updateForModel();
}

void TextInputPanel::retranslateUi() {
  m_edit->setPlaceholderText(tr("Type or paste a text for the model to read…"));
  m_seriesHint->setText(tr("This model reads a series of numbers, not text: give it one from the Forecast "
                           "dock, or train it on a series. The values appear in the text view."));
  m_replace->setText(tr("Read this text"));
  m_replace->setToolTip(tr("Start again from a zero state with this text; step with → or play"));
  m_append->setText(tr("Append"));
  m_append->setToolTip(tr("Add this text after the current one"));
  m_readAll->setText(tr("Read to the end"));
  m_readAll->setToolTip(tr("Step through the rest of the text (or series) at once"));
}

void TextInputPanel::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QWidget::changeEvent(event);
}

void TextInputPanel::updateForModel() {
  const bool series = m_session->hasModel() && m_session->isSeriesTape();
  m_seriesHint->setVisible(series);
  m_edit->setEnabled(!series);
  m_replace->setEnabled(!series);
  m_append->setEnabled(!series);
}

void TextInputPanel::replaceText() {
  if (m_edit->toPlainText().isEmpty()) {
    Q_EMIT m_session->message(tr("The box is empty: type or paste a text to read. The text loaded now stays."));
    return;
  }
  QString error;
  if (!m_session->setText(m_edit->toPlainText(), &error)) {
    Q_EMIT m_session->message(error);
    return;
  }
  m_session->setMode(DriveMode::Read);
}

void TextInputPanel::appendText() {
  QString error;
  if (!m_session->appendText(m_edit->toPlainText(), &error))
    Q_EMIT m_session->message(error);
}

} // namespace lstm
