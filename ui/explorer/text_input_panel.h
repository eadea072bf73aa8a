#pragma once
// Where the user gives the model text to read: replace the text (state reset), append to it, or read it all.
// Characters the model does not know are refused with a message naming them; nothing else changes.
// A series model reads numbers, which come from the Forecast dock or training: the text box is disabled then and
// a hint says so; "Read to the end" still reads the series.
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace lstm {

class ExplorerSession;

class TextInputPanel : public QWidget {
  Q_OBJECT
public:
  explicit TextInputPanel(ExplorerSession *session, QWidget *parent = nullptr);

protected:
  void changeEvent(QEvent *event) override;

private:
  void retranslateUi();
  void replaceText();
  void appendText();
  void updateForModel();

  ExplorerSession *m_session;
  QPlainTextEdit *m_edit;
  QLabel *m_seriesHint;
  QPushButton *m_replace, *m_append, *m_readAll;
};

} // namespace lstm
