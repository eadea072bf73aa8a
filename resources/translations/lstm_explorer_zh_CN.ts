<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CorpusSource</name>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="20"/>
        <source>Balanced brackets</source>
        <translation>平衡括号</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="21"/>
        <source>Deeply nested parentheses</source>
        <translation>深度嵌套的圆括号</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="22"/>
        <source>Quoted strings</source>
        <translation>带引号的字符串</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="23"/>
        <source>Embedded Reber grammar</source>
        <translation>嵌入式 Reber 文法</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="24"/>
        <source>aⁿbⁿ counting</source>
        <translation>aⁿbⁿ 计数</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="25"/>
        <source>Copy after a delay</source>
        <translation>延迟复制</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="26"/>
        <source>Adding problem (digits)</source>
        <translation>加法问题（数字）</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="27"/>
        <source>Sine mixture</source>
        <translation>正弦混合</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="28"/>
        <source>Seasonal series</source>
        <translation>季节性序列</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="29"/>
        <source>Mackey–Glass series</source>
        <translation>Mackey–Glass 序列</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="39"/>
        <source>Tang poems</source>
        <translation>唐诗</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="40"/>
        <source>Song lyrics</source>
        <translation>宋词</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="41"/>
        <source>Chinese fortunes</source>
        <translation>中文格言</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="42"/>
        <source>Literature quotes</source>
        <translation>文学名句</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="43"/>
        <source>Riddles</source>
        <translation>谜语</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="44"/>
        <source>Fortunes</source>
        <translation>格言</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="132"/>
        <source>%1 (seed %2, %3 values)</source>
        <translation>%1（种子 %2，%3 个数值）</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="133"/>
        <source>%1 (seed %2, %3 characters)</source>
        <translation>%1（种子 %2，%3 个字符）</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_source.cpp" line="138"/>
        <source>%1, column %2</source>
        <translation>%1，第 %2 列</translation>
    </message>
</context>
<context>
    <name>lstm::BestWeightsBar</name>
    <message>
        <location filename="../../ui/training/best_weights_bar.cpp" line="75"/>
        <source>Save best…</source>
        <translation>保存最佳…</translation>
    </message>
    <message>
        <location filename="../../ui/training/best_weights_bar.cpp" line="76"/>
        <source>Save the weights with the lowest validation loss so far, while the run goes on</source>
        <translation>保存迄今验证损失最低的权重，训练继续进行</translation>
    </message>
    <message>
        <location filename="../../ui/training/best_weights_bar.cpp" line="77"/>
        <source>Explore best</source>
        <translation>探索最佳</translation>
    </message>
    <message>
        <location filename="../../ui/training/best_weights_bar.cpp" line="78"/>
        <source>Show the weights with the lowest validation loss so far in the explorer</source>
        <translation>在探索器中显示迄今验证损失最低的权重</translation>
    </message>
    <message>
        <location filename="../../ui/training/best_weights_bar.cpp" line="80"/>
        <location filename="../../ui/training/best_weights_bar.cpp" line="121"/>
        <source>Validation best %1 at iteration %2; now %3 (iteration %4). It has risen past its best: the model is learning its training text by heart. The best weights are kept.</source>
        <translation>验证损失最佳为 %1（第 %2 次迭代）；现在为 %3（第 %4 次迭代）。它已高于最佳值：模型正在死记训练文本。最佳权重已保留。</translation>
    </message>
    <message>
        <location filename="../../ui/training/best_weights_bar.cpp" line="95"/>
        <source>Even the best validation loss %1 is worse than the naive forecast %2 (repeating the last value): the model has learned less than that.</source>
        <translation>即使最佳验证损失 %1 也比朴素预测 %2（重复上一个值）差：模型学到的比这还少。</translation>
    </message>
    <message>
        <location filename="../../ui/training/best_weights_bar.cpp" line="98"/>
        <source>Even the best validation loss %1 is worse than the bigram baseline %2 (each character guessed from the one before): a smaller model, more text or more iterations may help.</source>
        <translation>即使最佳验证损失 %1 也比二元基线 %2（仅凭前一个字符猜测下一个）差：可尝试更小的模型、更多文本或更多迭代。</translation>
    </message>
    <message>
        <location filename="../../ui/training/best_weights_bar.cpp" line="102"/>
        <source>The final validation loss %1 is worse than the naive forecast %2; the best weights (iteration %3) are better.</source>
        <translation>最终验证损失 %1 比朴素预测 %2 差；最佳权重（第 %3 次迭代）更好。</translation>
    </message>
    <message>
        <location filename="../../ui/training/best_weights_bar.cpp" line="106"/>
        <source>The final validation loss %1 is worse than the bigram baseline %2; the best weights (iteration %3) are better.</source>
        <translation>最终验证损失 %1 比二元基线 %2 差；最佳权重（第 %3 次迭代）更好。</translation>
    </message>
    <message>
        <location filename="../../ui/training/best_weights_bar.cpp" line="119"/>
        <source>The weights with the lowest validation loss are kept from the first evaluation on.</source>
        <translation>从第一次评估起，保留验证损失最低的权重。</translation>
    </message>
    <message>
        <location filename="../../ui/training/best_weights_bar.cpp" line="128"/>
        <source>Best validation loss %1 at iteration %2.</source>
        <translation>最佳验证损失 %1（第 %2 次迭代）。</translation>
    </message>
</context>
<context>
    <name>lstm::CellDiagramView</name>
    <message>
        <location filename="../../ui/explorer/cell_diagram_view.cpp" line="160"/>
        <source>Step through the text to see the cell of the selected unit here.</source>
        <translation>逐步读取文本，即可在此看到所选单元的记忆单元结构。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/cell_diagram_view.cpp" line="167"/>
        <source>Layer %1, unit %2, step %3, reading %4</source>
        <translation>第 %1 层，单元 %2，第 %3 步，读入 %4</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/cell_diagram_view.cpp" line="214"/>
        <source>a = %1</source>
        <comment>pre-activation of a gate</comment>
        <translation>a = %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/cell_diagram_view.cpp" line="226"/>
        <source>clamped %1 (was %2)</source>
        <translation>已钳制为 %1（原为 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/cell_diagram_view.cpp" line="238"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/cell_diagram_view.cpp" line="242"/>
        <source>f·c = %1</source>
        <comment>forget term</comment>
        <translation>f·c = %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/cell_diagram_view.cpp" line="244"/>
        <source>i·g = %1</source>
        <comment>input term</comment>
        <translation>i·g = %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/cell_diagram_view.cpp" line="246"/>
        <source>c = %1</source>
        <comment>new cell state</comment>
        <translation>c = %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/cell_diagram_view.cpp" line="251"/>
        <source>cₜ₋₁
%1</source>
        <translation>cₜ₋₁
%1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/cell_diagram_view.cpp" line="253"/>
        <source>hₜ₋₁
%1</source>
        <translation>hₜ₋₁
%1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/cell_diagram_view.cpp" line="256"/>
        <source>xₜ = %1</source>
        <translation>xₜ = %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/cell_diagram_view.cpp" line="257"/>
        <source>cₜ
%1</source>
        <translation>cₜ
%1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/cell_diagram_view.cpp" line="258"/>
        <source>hₜ
%1</source>
        <translation>hₜ
%1</translation>
    </message>
</context>
<context>
    <name>lstm::CorpusChooser</name>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="151"/>
        <source>Choose a corpus…</source>
        <translation>选择语料…</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="153"/>
        <source>Generated: %1</source>
        <translation>生成：%1</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="154"/>
        <source>CSV column…</source>
        <translation>CSV 列…</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="155"/>
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="164"/>
        <source>The text the model learns to continue character by character, or the series whose next value it learns to forecast</source>
        <translation>模型逐字符学习续写的文本，或模型学习预测其下一个值的序列</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="166"/>
        <source>Characters (text tasks) or values (series) to generate</source>
        <translation>要生成的字符数（文本任务）或数值个数（序列）</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="167"/>
        <source>The same seed and length always give the same data</source>
        <translation>相同的种子和长度总是生成相同的数据</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="168"/>
        <source>The column whose next value the model learns to forecast</source>
        <translation>模型学习预测其下一个值的列</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="169"/>
        <source>Length:</source>
        <translation>长度：</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="170"/>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="171"/>
        <source>Column:</source>
        <translation>列：</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="172"/>
        <source>Corpus:</source>
        <translation>语料：</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="176"/>
        <source>No corpus loaded.</source>
        <translation>尚未加载语料。</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="209"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="223"/>
        <source>Generating %1…</source>
        <translation>正在生成 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="231"/>
        <source>Reading the columns of %1…</source>
        <translation>正在读取 %1 的列…</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="275"/>
        <source>Open CSV file</source>
        <translation>打开 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="275"/>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="276"/>
        <source>Open corpus</source>
        <translation>打开语料</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="277"/>
        <source>Text files (*.txt);;CSV files (*.csv *.tsv);;All files (*)</source>
        <translation>文本文件 (*.txt);;CSV 文件 (*.csv *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="308"/>
        <source>%1 (text)</source>
        <translation>%1（文本）</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="309"/>
        <source>Holds text, not numbers: line %1: &quot;%2&quot;</source>
        <translation>是文本而不是数字：第 %1 行：“%2”</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="316"/>
        <source>%1: no column holds numbers (%2 hold text)</source>
        <translation>%1：没有包含数值的列（%2 为文本）</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="327"/>
        <source>Loading column %1 of %2…</source>
        <translation>正在加载 %2 的 %1 列…</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="336"/>
        <source>%1
%2 values of %3 (%4 for training)
mean %5, standard deviation %6
baselines (MSE): mean %7, last value %8</source>
        <translation>%1
%3 的 %2 个值（%4 个用于训练）
均值 %5，标准差 %6
基线（MSE）：均值 %7，上一值 %8</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="342"/>
        <source>%1
%2 characters · vocabulary %3</source>
        <translation>%1
%2 个字符 · 词表 %3</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="351"/>
        <source>
baselines: unigram %1, bigram %2 nats/char</source>
        <translation>
基线：一元 %1，二元 %2 奈特/字符</translation>
    </message>
    <message>
        <location filename="../../ui/training/corpus_chooser.cpp" line="368"/>
        <source>Cannot load corpus</source>
        <translation>无法加载语料</translation>
    </message>
</context>
<context>
    <name>lstm::CorpusPreview</name>
    <message>
        <location filename="../../ui/training/corpus_preview.cpp" line="38"/>
        <source>The first characters of the corpus appear here.</source>
        <translation>语料开头的字符会显示在这里。</translation>
    </message>
</context>
<context>
    <name>lstm::DriveToolBar</name>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="112"/>
        <source>Drive</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="113"/>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="114"/>
        <source>Inspect the previous step; nothing is undone (←)</source>
        <translation>查看上一步；不撤销任何内容（←）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="115"/>
        <source>Play / pause from the inspected step (Space)</source>
        <translation>从所查看的一步开始播放 / 暂停（空格）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="116"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="117"/>
        <source>Inspect the next step; at the last one, read or write one more character (→)</source>
        <translation>查看下一步；在最后一步时再读入或写出一个字符（→）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="118"/>
        <source>First step</source>
        <translation>第一步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="119"/>
        <source>Last step</source>
        <translation>最后一步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="120"/>
        <source>Drop the last step</source>
        <translation>删除最后一步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="121"/>
        <source>Undo the last step exactly (Backspace, Ctrl+Z)</source>
        <translation>精确撤销最后一步（Backspace、Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="122"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="123"/>
        <source>Reset the state to zero and clear the trace (Ctrl+R); the text stays</source>
        <translation>将状态清零并清空轨迹（Ctrl+R）；文本保留</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="124"/>
        <source> Speed </source>
        <translation> 速度 </translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="125"/>
        <source>Steps per second while playing</source>
        <translation>播放时每秒的步数</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="126"/>
        <source> steps/s</source>
        <translation> 步/秒</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="127"/>
        <source>Read</source>
        <translation>读</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="128"/>
        <source>Write</source>
        <translation>写</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="129"/>
        <source>Read: feed the text one character per step. Write: the model samples its next character.</source>
        <translation>读：每步输入文本中的一个字符。写：由模型采样它的下一个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="130"/>
        <source> Temperature </source>
        <translation> 温度 </translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="131"/>
        <source>0 always takes the most likely character; higher is more adventurous</source>
        <translation>0 总是取最可能的字符；越高越大胆</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="132"/>
        <source> Top-k </source>
        <translation> Top-k </translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="133"/>
        <source>Sample only among the k most likely (0: all)</source>
        <translation>只在最可能的 k 个字符中采样（0：全部）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="134"/>
        <source> Seed </source>
        <translation> 种子 </translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="135"/>
        <source>Same seed, same text</source>
        <translation>同样的种子，同样的文本</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="136"/>
        <source>Let me pick</source>
        <translation>让我来选</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="137"/>
        <source>In write mode, choose each next character yourself in the distribution view</source>
        <translation>在写模式下，在分布视图中亲自选择每个下一个字符</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="138"/>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="158"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="138"/>
        <location filename="../../ui/explorer/drive_toolbar.cpp" line="158"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
</context>
<context>
    <name>lstm::EquationsView</name>
    <message>
        <location filename="../../ui/explorer/equations_view.cpp" line="115"/>
        <source>Step through the text to see the equations of the selected unit with this step&apos;s numbers.</source>
        <translation>逐步读取文本，即可看到所选单元代入本步数值后的方程。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/equations_view.cpp" line="120"/>
        <source>Layer %1, unit %2, step %3, reading %4</source>
        <translation>第 %1 层，单元 %2，第 %3 步，读入 %4</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/equations_view.cpp" line="123"/>
        <source>W x picks column %1 of W_ih</source>
        <translation>W x 取出 W_ih 的第 %1 列</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/equations_view.cpp" line="124"/>
        <source>W x sums over its %1 components</source>
        <translation>W x 对它的 %1 个分量求和</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/equations_view.cpp" line="127"/>
        <source>(this unit at the previous step; W h sums over all %1 units of h, rows u, H+u, 2H+u, 3H+u)</source>
        <translation>（本单元在上一步的值；W h 对 h 的全部 %1 个单元求和，取第 u、H+u、2H+u、3H+u 行）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/equations_view.cpp" line="131"/>
        <source>Each gate: f(input part W x + recurrent part W h + bias b_ih + b_hh) = f(a) = value</source>
        <translation>每个门：f(输入部分 W x + 循环部分 W h + 偏置 b_ih + b_hh) = f(a) = 值</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/equations_view.cpp" line="152"/>
        <source>clamped: %1 = %2 instead of %3</source>
        <translation>已钳制：%1 = %2，而非 %3</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/equations_view.cpp" line="171"/>
        <source>%1: c = %2 instead of %3</source>
        <translation>%1：c = %2，而非 %3</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/equations_view.cpp" line="183"/>
        <source>h zeroed: h = %1 instead of %2</source>
        <translation>h 已清零：h = %1，而非 %2</translation>
    </message>
</context>
<context>
    <name>lstm::ExampleGallery</name>
    <message>
        <location filename="../../ui/gallery/example_gallery.cpp" line="52"/>
        <source>%1: the example has no model.</source>
        <translation>%1：该示例没有模型。</translation>
    </message>
</context>
<context>
    <name>lstm::ExampleGalleryDialog</name>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="39"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="40"/>
        <source>1 layer</source>
        <translation>1 层</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="40"/>
        <source>%1 layers</source>
        <translation>%1 层</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="41"/>
        <source>1 unit</source>
        <translation>1 个单元</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="41"/>
        <source>%1 units</source>
        <translation>%1 个单元</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="45"/>
        <source>one-hot input over %1</source>
        <translation>对 %1 的独热输入</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="46"/>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="52"/>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="92"/>
        <source>1 character</source>
        <translation>1 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="47"/>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="53"/>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="93"/>
        <source>%1 characters</source>
        <translation>%1 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="50"/>
        <source>%1-wide embedding of %2</source>
        <translation>%2 的 %1 维嵌入</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="56"/>
        <source>reads %1 per step</source>
        <translation>每步读入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="57"/>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="65"/>
        <source>1 number</source>
        <translation>1 个数</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="58"/>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="66"/>
        <source>%1 numbers</source>
        <translation>%1 个数</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="62"/>
        <source>predicts the next character</source>
        <translation>预测下一个字符</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="64"/>
        <source>predicts %1</source>
        <translation>预测 %1</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="75"/>
        <source>column “%1” of %2</source>
        <translation>%2 的“%1”列</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="79"/>
        <source>standardised with mean %1 and standard deviation %2</source>
        <translation>以均值 %1、标准差 %2 标准化</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="91"/>
        <source>&lt;b&gt;Trained on&lt;/b&gt; %1 (%2)</source>
        <translation>&lt;b&gt;训练语料&lt;/b&gt; %1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="94"/>
        <source>&lt;b&gt;Trained on&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;训练语料&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="96"/>
        <source>&lt;b&gt;Trained&lt;/b&gt; for %1</source>
        <translation>&lt;b&gt;训练&lt;/b&gt;了 %1</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="96"/>
        <source>for %1</source>
        <translation>共 %1</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="97"/>
        <source>1 iteration</source>
        <translation>1 次迭代</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="98"/>
        <source>%1 iterations</source>
        <translation>%1 次迭代</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="100"/>
        <source> nats per character</source>
        <translation> 奈特/字符</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="101"/>
        <source> (mean squared error)</source>
        <translation>（均方误差）</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="102"/>
        <source>best validation loss %1%2</source>
        <translation>最佳验证损失 %1%2</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="105"/>
        <source> at iteration %1</source>
        <translation>，在第 %1 次迭代</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="108"/>
        <source> (unigram baseline %1, bigram %2)</source>
        <translation>（一元基线 %1，二元基线 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="136"/>
        <source>Select:</source>
        <translation>选择：</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="136"/>
        <source>layer %1, unit %2, %3</source>
        <translation>第 %1 层，单元 %2，%3</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="143"/>
        <source>This unit tracks &lt;i&gt;%1&lt;/i&gt; (correlation r = %2).</source>
        <translation>该单元跟踪&lt;i&gt;%1&lt;/i&gt;（相关系数 r = %2）。</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="145"/>
        <source>This unit tracks &lt;i&gt;%1&lt;/i&gt;.</source>
        <translation>该单元跟踪&lt;i&gt;%1&lt;/i&gt;。</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="151"/>
        <source>Reads first:</source>
        <translation>先读入：</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="152"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="155"/>
        <source>Series:</source>
        <translation>序列：</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="160"/>
        <source>Trained with:</source>
        <translation>训练命令：</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="212"/>
        <source>Open Example</source>
        <translation>打开示例</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="213"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="235"/>
        <source>No examples are installed.</source>
        <translation>没有安装任何示例。</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="236"/>
        <source>Example models are shipped inside the application; this build has none. Open a model file or train one instead.</source>
        <translation>示例模型随应用程序一起提供，但此版本中没有。请打开一个模型文件，或训练一个模型。</translation>
    </message>
    <message>
        <location filename="../../ui/gallery/example_gallery_dialog.cpp" line="239"/>
        <source>Choose an example on the left.</source>
        <translation>请在左侧选择一个示例。</translation>
    </message>
</context>
<context>
    <name>lstm::ExplorerSession</name>
    <message>
        <location filename="../../ui/explorer/tape_input.cpp" line="15"/>
        <source>This model reads a series of numbers, not text: give it a series from the Forecast dock.</source>
        <translation>此模型读入的是数值序列而不是文本：请从“预测”面板给它一个序列。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/tape_input.cpp" line="21"/>
        <source>This model reads numbers, not text.</source>
        <translation>此模型读入的是数值，不是文本。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/tape_input.cpp" line="30"/>
        <source>The character &apos;%1&apos; (U+%2) at position %3 is not in the model&apos;s vocabulary.</source>
        <translation>位置 %3 处的字符“%1”（U+%2）不在模型的词表中。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_session.cpp" line="193"/>
        <location filename="../../ui/explorer/intervention_set.cpp" line="20"/>
        <location filename="../../ui/explorer/tape_input.cpp" line="42"/>
        <source>No model is open.</source>
        <translation>没有打开任何模型。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_session.cpp" line="205"/>
        <location filename="../../ui/explorer/explorer_session.cpp" line="221"/>
        <source>No step taken yet: → reads the first character.</source>
        <translation>还没有走任何一步：按 → 读入第一个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_session.cpp" line="205"/>
        <source>This is the first step.</source>
        <translation>这是第一步。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_session.cpp" line="225"/>
        <source>This is the last step.</source>
        <translation>这是最后一步。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_session.cpp" line="235"/>
        <source>There is no step to drop.</source>
        <translation>没有可删除的步。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_session.cpp" line="286"/>
        <source>No step taken yet: there is nothing to re-read.</source>
        <translation>尚未走任何一步：没有可重读的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/tape_input.cpp" line="45"/>
        <source>This model reads text, not a series of numbers.</source>
        <translation>此模型读入的是文本，不是数值序列。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/tape_input.cpp" line="46"/>
        <source>This model does not forecast a single series: it needs one input and one predicted value.</source>
        <translation>此模型不是单序列预测模型：它需要一个输入和一个预测值。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/tape_input.cpp" line="50"/>
        <source>Cannot read a series: %1.</source>
        <translation>无法读取序列：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/tape_input.cpp" line="55"/>
        <source>Value %1 of the series is not a finite number.</source>
        <translation>序列的第 %1 个值不是有限数。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/intervention_set.cpp" line="25"/>
        <source>This intervention is already active.</source>
        <translation>该干预已经生效。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/intervention_set.cpp" line="29"/>
        <source>Layer %1, unit %2 does not exist in this model.</source>
        <translation>此模型中不存在第 %1 层的单元 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_csv.cpp" line="24"/>
        <source>no model is open</source>
        <translation>没有打开任何模型</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_player.cpp" line="45"/>
        <source>This model does not predict characters, so it cannot write.</source>
        <translation>此模型不预测字符，因此无法写。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_player.cpp" line="85"/>
        <source>End of the series: switch to write mode to let the model continue it with its own predictions.</source>
        <translation>序列已结束：切换到写模式，让模型用自己的预测继续。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_player.cpp" line="88"/>
        <source>End of the text: type more, or switch to write mode to let the model continue.</source>
        <translation>文本已结束：请输入更多文本，或切换到写模式让模型续写。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_player.cpp" line="92"/>
        <source>Pick mode: choose the next character in the distribution.</source>
        <translation>挑选模式：请在分布中选择下一个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_player.cpp" line="210"/>
        <source>End of the series.</source>
        <translation>序列结束。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_player.cpp" line="211"/>
        <source>End of the text.</source>
        <translation>文本结束。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_player.cpp" line="213"/>
        <source>Paused: the forecast is no longer a finite number.</source>
        <translation>已暂停：预测值不再是有限数。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/explorer_player.cpp" line="215"/>
        <source>Paused: pick the next character.</source>
        <translation>已暂停：请挑选下一个字符。</translation>
    </message>
</context>
<context>
    <name>lstm::ExportFigureDialog</name>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="121"/>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="248"/>
        <source>Export figure</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="122"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="123"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="124"/>
        <source>&amp;Size:</source>
        <translation>尺寸(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="125"/>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="126"/>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="127"/>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="128"/>
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="129"/>
        <source>Width of the image in pixels</source>
        <translation>图像宽度（像素）</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="130"/>
        <source>Height of the image in pixels</source>
        <translation>图像高度（像素）</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="131"/>
        <source>1920 × 1080</source>
        <translation>1920 × 1080</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="132"/>
        <source>3840 × 2160</source>
        <translation>3840 × 2160</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="133"/>
        <source>Current size</source>
        <translation>当前尺寸</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="134"/>
        <source>&amp;Keep aspect ratio</source>
        <translation>保持宽高比(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="135"/>
        <source>Without it, a figure of another shape is centred on the background</source>
        <translation>不勾选时，形状不同的图像会居中放在背景上</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="136"/>
        <source>C&amp;lean style (no toolbars or controls, white background)</source>
        <translation>简洁样式（无工具栏和控件，白色背景）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="137"/>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="226"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="138"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="140"/>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="155"/>
        <source>Whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="226"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="247"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="247"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="247"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_figure_dialog.cpp" line="259"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>lstm::FirstLaunchGuide</name>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="109"/>
        <source>Welcome — the model has just read a text</source>
        <translation>欢迎——模型刚刚读完一段文本</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="111"/>
        <source>Text (centre)</source>
        <translation>文本（中间）</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="111"/>
        <source>what the model reads or writes, tinted by the selected unit; click a character to inspect that step. Italic and underlined: written by the model.</source>
        <translation>模型读入或写出的内容，按选中单元着色；点击字符可检查该步。斜体加下划线：由模型写出。</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="113"/>
        <source>Gates and states (bottom)</source>
        <translation>门与状态（下方）</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="113"/>
        <source>i, f, g, o, c and h of every unit over the steps; click a row to select that unit.</source>
        <translation>每个单元在各步的 i、f、g、o、c 和 h；点击一行选中该单元。</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="115"/>
        <source>Unit traces (bottom right)</source>
        <translation>单元轨迹（右下）</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="115"/>
        <source>the selected units as lines over the steps.</source>
        <translation>所选单元随步变化的曲线。</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="116"/>
        <source>Cell diagram, Equations (right)</source>
        <translation>记忆单元图、方程（右侧）</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="116"/>
        <source>the selected unit&apos;s cell at the inspected step, with every number on its flows.</source>
        <translation>选中单元在当前检查步的记忆单元，每条数据流都标有数值。</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="118"/>
        <source>Next character (right)</source>
        <translation>下一个字符（右侧）</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="118"/>
        <source>what the model expects to come next.</source>
        <translation>模型预期接下来出现的字符。</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="119"/>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="119"/>
        <source>the text to read, interventions, training, unit discovery and the lesson.</source>
        <translation>待读文本、干预、训练、单元发现和课程。</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="122"/>
        <source>Every panel shows the same moment: the inspected character, outlined in orange in the text.</source>
        <translation>所有面板显示同一时刻：当前检查的字符，在文本中以橙色框标出。</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="128"/>
        <source>Keys: → next step (reads on at the end) · ← previous step · Home / End first / last · Space play · Page Down / Up lesson steps.</source>
        <translation>按键：→ 下一步（到末尾时继续读）· ← 上一步 · Home / End 第一步 / 最后一步 · 空格 播放 · Page Down / Up 课程的下一步 / 上一步。</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="130"/>
        <source>Help ▸ Getting started shows this again.</source>
        <translation>帮助 ▸ 入门 可再次显示本说明。</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="133"/>
        <source>Start the first lesson</source>
        <translation>开始第一课</translation>
    </message>
    <message>
        <location filename="../../ui/guide/first_launch_guide.cpp" line="134"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>lstm::ForecastPlot</name>
    <message>
        <location filename="../../ui/forecast/forecast_plot.cpp" line="74"/>
        <source>truth</source>
        <translation>真实值</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_plot.cpp" line="75"/>
        <source>one step ahead</source>
        <translation>单步预测</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_plot.cpp" line="76"/>
        <source>multi-step forecast</source>
        <translation>多步预测</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_plot.cpp" line="77"/>
        <source>validation →</source>
        <translation>验证 →</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_plot.cpp" line="78"/>
        <source>time step</source>
        <translation>时间步</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/forecast/forecast_plot.cpp" line="129"/>
        <source>%n-step forecast (own predictions fed back)</source>
        <translation>
            <numerusform>%n 步预测（以自身预测为输入）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lstm::ForecastView</name>
    <message>
        <location filename="../../ui/forecast/forecast_view.cpp" line="125"/>
        <source>How many steps the model forecasts from its own predictions</source>
        <translation>模型依据自己的预测向前预测多少步</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_view.cpp" line="126"/>
        <source>Where the multi-step forecast starts (or click in the plot)</source>
        <translation>多步预测的起点（也可在图中点击）</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_view.cpp" line="127"/>
        <source>forecast steps:</source>
        <translation>预测步数：</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_view.cpp" line="128"/>
        <source>from:</source>
        <translation>起点：</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_view.cpp" line="146"/>
        <source>No model: load or train a series model to see its forecasts.</source>
        <translation>无模型：请加载或训练一个序列模型以查看其预测。</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_view.cpp" line="148"/>
        <source>This is not a series model: forecasts need a model trained on one numeric column (one dense input, one regression output).</source>
        <translation>这不是序列模型：预测需要在一个数值列上训练的模型（一个稠密输入，一个回归输出）。</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_view.cpp" line="151"/>
        <source>The model cannot be run: %1.</source>
        <translation>模型无法运行：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_view.cpp" line="153"/>
        <source>The model cannot forecast: %1.</source>
        <translation>模型无法预测：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_view.cpp" line="155"/>
        <source>No series: load the numeric column the model was trained on to compare its forecasts.</source>
        <translation>无序列：请加载模型训练所用的数值列，以便比较其预测。</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_view.cpp" line="197"/>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_view.cpp" line="246"/>
        <source>RMSE %1 MAE %2</source>
        <translation>RMSE %1 MAE %2</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_view.cpp" line="255"/>
        <source>%1: past the end of the data, nothing to score</source>
        <translation>%1：已超出数据末尾，无可评分</translation>
    </message>
    <message>
        <location filename="../../ui/forecast/forecast_view.cpp" line="256"/>
        <source>%1: %2 · naive last value: %3</source>
        <translation>%1：%2 · 朴素基线（沿用上一值）：%3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/forecast/forecast_view.cpp" line="261"/>
        <source>one step ahead over %n points</source>
        <translation>
            <numerusform>%n 个点上的单步预测</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/forecast/forecast_view.cpp" line="264"/>
        <source>%n steps from t = %1</source>
        <translation>
            <numerusform>从 t = %1 起的 %n 步</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lstm::GateHeatmapPlot</name>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_plot.cpp" line="70"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_plot.cpp" line="71"/>
        <source>unit</source>
        <translation>单元</translation>
    </message>
</context>
<context>
    <name>lstm::GateHeatmapView</name>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_view.cpp" line="184"/>
        <source>No steps yet</source>
        <translation>尚无步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_view.cpp" line="184"/>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_view.cpp" line="186"/>
        <source>No traced units: add one in Unit traces</source>
        <translation>没有跟踪的单元：请在“单元轨迹”中添加</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_view.cpp" line="188"/>
        <source>Layer %1: no steps in view</source>
        <translation>第 %1 层：视野内没有步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_view.cpp" line="191"/>
        <source>Layer %1 · steps %2–%3 of %4</source>
        <translation>第 %1 层 · 第 %2–%3 步，共 %4 步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_view.cpp" line="193"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_view.cpp" line="195"/>
        <source> · one column per %1 steps</source>
        <translation> · 每列 %1 步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_view.cpp" line="197"/>
        <source> · no feature to order by: choose one in Unit discovery</source>
        <translation> · 没有可用于排序的特征：请在“单元发现”中选择</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_view.cpp" line="321"/>
        <source>c, clipped at ±%1: the 99th percentile of |c| in view; larger values saturate</source>
        <translation>c，截断于 ±%1：视野内 |c| 的第 99 百分位数；更大的值显示为饱和色</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_view.cpp" line="372"/>
        <source>unit %1, step %2</source>
        <translation>单元 %1，第 %2 步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_view.cpp" line="373"/>
        <source>unit %1, step %2 &apos;%3&apos;</source>
        <translation>单元 %1，第 %2 步“%3”</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_view.cpp" line="375"/>
        <source>%1: %2 = %3</source>
        <translation>%1：%2 = %3</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gate_heatmap_view.cpp" line="377"/>
        <source> (beyond the colour scale&apos;s ±%1)</source>
        <translation>（超出色标的 ±%1）</translation>
    </message>
</context>
<context>
    <name>lstm::GradientFlowView</name>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="105"/>
        <source>Steps back K:</source>
        <translation>回溯步数 K：</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="106"/>
        <source>How many steps before the inspected step the gradient is followed</source>
        <translation>从当前查看的步向前追踪梯度的步数</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="107"/>
        <source>Train RNN</source>
        <translation>训练 RNN</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="108"/>
        <source>Train a plain tanh RNN of the same size on the current text (a few seconds) to compare how far its gradients reach</source>
        <translation>在当前文本上训练一个同样大小的普通 tanh RNN（几秒钟），比较它的梯度能传回多远</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="110"/>
        <source>LSTM ‖∂L_t/∂c_{t−k}‖</source>
        <translation>LSTM ‖∂L_t/∂c_{t−k}‖</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="111"/>
        <source>LSTM ‖∂L_t/∂h_{t−k}‖</source>
        <translation>LSTM ‖∂L_t/∂h_{t−k}‖</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="112"/>
        <source>tanh RNN ‖∂L_t/∂h_{t−k}‖</source>
        <translation>tanh RNN ‖∂L_t/∂h_{t−k}‖</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="113"/>
        <source>k = steps back from the inspected step t</source>
        <translation>k = 从当前查看的第 t 步向前回溯的步数</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="114"/>
        <source>gradient norm (log scale)</source>
        <translation>梯度范数（对数坐标）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="115"/>
        <source>How strongly the loss of the prediction at step t depends on the state k steps earlier. The cell state&apos;s additive path c_t = f ⊙ c_{t−1} + i ⊙ g carries the gradient back almost unchanged while f ≈ 1; a tanh RNN multiplies it by W_hhᵀ·diag(1 − h²) at every step, so it shrinks (or grows) geometrically.</source>
        <translation>第 t 步预测的损失在多大程度上依赖于 k 步之前的状态。只要 f ≈ 1，细胞状态的加法通路 c_t = f ⊙ c_{t−1} + i ⊙ g 就能把梯度几乎原样传回；而 tanh RNN 每一步都要把梯度乘以 W_hhᵀ·diag(1 − h²)，因此梯度会按几何级数缩小（或增大）。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="170"/>
        <source>Open a model to see how far back its gradients reach.</source>
        <translation>打开一个模型，看看它的梯度能传回多远。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="172"/>
        <source>Read some text: the flow is shown for the inspected step.</source>
        <translation>请读取一些文本：显示的是当前查看步的梯度流。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="183"/>
        <source>Training the tanh RNN…</source>
        <translation>正在训练 tanh RNN…</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="185"/>
        <source>tanh RNN: %1 iterations, loss %2 → %3 nats/char</source>
        <translation>tanh RNN：%1 次迭代，损失 %2 → %3 奈特/字符</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="190"/>
        <source>The RNN comparison needs a character model.</source>
        <translation>与 RNN 的比较需要一个字符模型。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="192"/>
        <source>tanh RNN: not trained yet</source>
        <translation>tanh RNN：尚未训练</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="203"/>
        <source>This model does not predict its own next input, so its loss at a step is not defined.</source>
        <translation>此模型不预测自己的下一个输入，因此某一步的损失没有定义。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="215"/>
        <source>Step %1 is the last of the text: its loss needs the next character.</source>
        <translation>第 %1 步是文本的最后一步：它的损失需要下一个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="225"/>
        <source>Step %1, layer %2: loss_t = %3 nats for the next character “%4”.</source>
        <translation>第 %1 步，第 %2 层：对下一个字符“%4”的 loss_t = %3 奈特。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="230"/>
        <source>Step %1, layer %2: loss_t = %3 (squared error of the next value).</source>
        <translation>第 %1 步，第 %2 层：loss_t = %3（下一个值的平方误差）。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/gradient_flow_view.cpp" line="232"/>
        <source>Interventions active in the window are applied as recorded: a clamped gate, a set or zeroed cell and a zeroed h pass no gradient.</source>
        <translation>窗口内生效的干预按记录应用：被钳制的门、被设定或清零的细胞状态以及被清零的 h 都不传递梯度。</translation>
    </message>
</context>
<context>
    <name>lstm::HeatmapRows</name>
    <message>
        <location filename="../../ui/explorer/heatmap_rows.cpp" line="57"/>
        <source>Units by index</source>
        <translation>按编号排列单元</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/heatmap_rows.cpp" line="57"/>
        <source>Most varying first</source>
        <translation>变化最大的在前</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/heatmap_rows.cpp" line="58"/>
        <source>By the discovery feature</source>
        <translation>按单元发现的特征</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/heatmap_rows.cpp" line="58"/>
        <source>Similar units together</source>
        <translation>相似单元相邻</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/heatmap_rows.cpp" line="59"/>
        <source>Traced units only</source>
        <translation>仅跟踪的单元</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/heatmap_rows.cpp" line="63"/>
        <source>Order of the rows. Variance, correlation and similarity are those of the selected quantity over the steps read; the discovery feature is the one chosen in Unit discovery.</source>
        <translation>行的顺序。方差、相关性和相似度均按所选的量在已读的步上计算；特征为“单元发现”中所选的特征。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/heatmap_rows.cpp" line="65"/>
        <source>More units, shorter rows (Ctrl+wheel)</source>
        <translation>更多单元，行更矮（Ctrl+滚轮）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/heatmap_rows.cpp" line="66"/>
        <source>Fewer units, taller rows (Ctrl+wheel)</source>
        <translation>更少单元，行更高（Ctrl+滚轮）</translation>
    </message>
</context>
<context>
    <name>lstm::InterventionsPanel</name>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="99"/>
        <source>Clamp input gate i</source>
        <translation>钳制输入门 i</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="99"/>
        <source>Clamp forget gate f</source>
        <translation>钳制遗忘门 f</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="99"/>
        <source>Clamp candidate g</source>
        <translation>钳制候选值 g</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="100"/>
        <source>Clamp output gate o</source>
        <translation>钳制输出门 o</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="100"/>
        <source>Zero hidden state h</source>
        <translation>将隐藏状态 h 清零</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="100"/>
        <source>Zero cell state c</source>
        <translation>将细胞状态 c 清零</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="101"/>
        <source>Set cell state c</source>
        <translation>设定细胞状态 c</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="101"/>
        <source>Add to cell state c</source>
        <translation>叠加到细胞状态 c</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="105"/>
        <source>Apply to selected unit</source>
        <translation>应用到所选单元</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="106"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="107"/>
        <source>Remove all</source>
        <translation>全部移除</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="108"/>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="109"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="110"/>
        <source>Acts from the inspected step on, that step included; the views recompute at once.</source>
        <translation>从所查看的这一步起生效（包括这一步）；各视图立即重新计算。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="111"/>
        <source>Read every step again from the first character, all with the interventions listed below</source>
        <translation>从第一个字符起重新读每一步，每一步都带上下面列出的干预</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="138"/>
        <source>Applied.</source>
        <translation>已应用。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="149"/>
        <source>Removed.</source>
        <translation>已移除。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="156"/>
        <source>All removed.</source>
        <translation>已全部移除。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="163"/>
        <source>Steps 1–%1 were read again from the start, without interventions.</source>
        <translation>第 1–%1 步已从头重读，没有干预。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="164"/>
        <source>Steps 1–%1 were read again from the start, all with the interventions listed.</source>
        <translation>第 1–%1 步已从头重读，每一步都带有所列的干预。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="174"/>
        <source>It acts from the first character you read or write.</source>
        <translation>它从你读入或写出的第一个字符起生效。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="176"/>
        <source>Step %1, the last one, was recomputed, and the change acts from the next character you read or write on.</source>
        <translation>最后一步（第 %1 步）已重新计算，这一改动从你读入或写出的下一个字符起继续生效。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="178"/>
        <source>Steps %1–%2 were recomputed.</source>
        <translation>第 %1–%2 步已重新计算。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="201"/>
        <source>Re-read the text from the start without interventions</source>
        <translation>不带干预从头重读文本</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="202"/>
        <source>Re-read the text from the start with them</source>
        <translation>带着这些干预从头重读文本</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/interventions_panel.cpp" line="189"/>
        <source>layer %1, unit %2: %3</source>
        <translation>第 %1 层，单元 %2：%3</translation>
    </message>
</context>
<context>
    <name>lstm::LanguageMenu</name>
    <message>
        <location filename="../../ui/common/language.cpp" line="84"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/common/language.cpp" line="85"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>lstm::LessonPanel</name>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="163"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="164"/>
        <source>Previous step (Page Up)</source>
        <translation>上一步（Page Up）</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="165"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="166"/>
        <source>Next step (Page Down)</source>
        <translation>下一步（Page Down）</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="167"/>
        <source>Previous lesson step</source>
        <translation>课程上一步</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="168"/>
        <source>Next lesson step</source>
        <translation>课程下一步</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="169"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="170"/>
        <source>Show answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="171"/>
        <source>Guided lessons: each step loads a model, selects a unit and explains what to look at</source>
        <translation>引导式课程：每一步都会加载模型、选中一个单元，并说明该看什么</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="188"/>
        <source>Choose a lesson…</source>
        <translation>选择课程…</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="190"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="191"/>
        <source>Open lesson file…</source>
        <translation>打开课程文件…</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="207"/>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="207"/>
        <source>Lessons (*.json);;All files (*)</source>
        <translation>课程 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="220"/>
        <source>Guided lessons</source>
        <translation>引导式课程</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="222"/>
        <source>Choose a lesson above. Each lesson walks through a real model step by step: it loads the model, reads a text, selects the unit to look at and brings the right view forward.

Move with **Next** and **Back** (or Page Down and Page Up).</source>
        <translation>请在上方选择一门课程。每门课程都会带你一步步探索一个真实的模型：加载模型、读入文本、选中要观察的单元，并把合适的视图切到前面。

用 **下一步** 和 **上一步**（或 Page Down 和 Page Up）切换。</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_panel.cpp" line="238"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>lstm::LessonRunner</name>
    <message>
        <location filename="../../ui/lessons/lesson_runner.cpp" line="51"/>
        <source>steps[%1].model: %2</source>
        <translation>steps[%1].model：%2</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_runner.cpp" line="56"/>
        <source>steps[%1]: no model is open and no step so far names one</source>
        <translation>steps[%1]：没有打开模型，之前的步骤也没有指定模型</translation>
    </message>
</context>
<context>
    <name>lstm::LossPlotView</name>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="93"/>
        <location filename="../../ui/training/loss_plot_view.cpp" line="117"/>
        <source>wall-clock time (s)</source>
        <translation>实际时间（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="93"/>
        <location filename="../../ui/training/loss_plot_view.cpp" line="117"/>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="113"/>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="114"/>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="115"/>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="116"/>
        <source>x axis:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="118"/>
        <source>validation rising while training falls: overfitting?</source>
        <translation>验证损失上升而训练损失下降：过拟合？</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="190"/>
        <source>train MSE (smoothed)</source>
        <translation>训练 MSE（平滑）</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="190"/>
        <source>train (smoothed)</source>
        <translation>训练（平滑）</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="191"/>
        <source>validation MSE</source>
        <translation>验证 MSE</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="191"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="198"/>
        <source>MSE (scaled)</source>
        <translation>MSE（缩放后）</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="198"/>
        <source>loss (nats per character)</source>
        <translation>损失（奈特/字符）</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="203"/>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="203"/>
        <source>last value</source>
        <translation>上一值</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="204"/>
        <source>unigram</source>
        <translation>一元</translation>
    </message>
    <message>
        <location filename="../../ui/training/loss_plot_view.cpp" line="204"/>
        <source>bigram</source>
        <translation>二元</translation>
    </message>
</context>
<context>
    <name>lstm::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="45"/>
        <source>LSTM models (*.lstm);;All files (*)</source>
        <translation>LSTM 模型 (*.lstm);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="25"/>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="102"/>
        <source>Gates and states</source>
        <translation>门与状态</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="103"/>
        <source>Unit traces</source>
        <translation>单元轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="105"/>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="106"/>
        <source>Units over the text</source>
        <translation>文本上的单元</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="108"/>
        <source>Cell diagram</source>
        <translation>记忆单元图</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="110"/>
        <source>Equations</source>
        <translation>方程</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="111"/>
        <source>Next character</source>
        <translation>下一个字符</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="112"/>
        <source>Text to read</source>
        <translation>待读文本</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="114"/>
        <source>Interventions</source>
        <translation>干预</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="121"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="123"/>
        <source>Unit discovery</source>
        <translation>单元发现</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="131"/>
        <source>training, iteration %1</source>
        <translation>训练中，第 %1 次迭代</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="134"/>
        <source>trained model</source>
        <translation>训练好的模型</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="141"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="143"/>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="146"/>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="149"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="151"/>
        <source>Open &amp;example…</source>
        <translation>打开示例(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="154"/>
        <source>Open the &amp;built-in model (English quotations, 2 × 128)</source>
        <translation>打开内置模型（英文名言，2 × 128）(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="157"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/help_menu.cpp" line="14"/>
        <source>→  next step (at the last one: read or write one more character)
←  previous step (nothing is undone)
Home / End  first / last step
Space  play / pause from the inspected step
Backspace or Ctrl+Z  drop the last step (exact undo)
Ctrl+R  reset the state
Ctrl+O  open a model
F11  presentation mode (Esc leaves)
Page Down / Page Up  next / previous lesson step
Click a character, heatmap cell or plot: inspect that step
Click a heatmap row: select that unit</source>
        <translation>→  下一步（在最后一步时再读入或写出一个字符）
←  上一步（不撤销任何内容）
Home / End  第一步 / 最后一步
空格  从所查看的一步开始播放 / 暂停
Backspace 或 Ctrl+Z  删除最后一步（精确撤销）
Ctrl+R  重置状态
Ctrl+O  打开模型
F11  演示模式（Esc 退出）
Page Down / Page Up  课程的下一步 / 上一步
点击字符、热图格子或曲线图：查看该步
点击热图的一行：选中该单元</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="71"/>
        <source>Heatmaps as PNG/PDF…</source>
        <translation>热图导出为 PNG/PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="72"/>
        <source>Export heatmaps</source>
        <translation>导出热图</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="74"/>
        <source>Unit traces as PNG/PDF…</source>
        <translation>单元轨迹导出为 PNG/PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="75"/>
        <source>Export unit traces</source>
        <translation>导出单元轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="77"/>
        <source>Next-character distribution as PNG/PDF…</source>
        <translation>下一字符分布导出为 PNG/PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="78"/>
        <source>Export distribution</source>
        <translation>导出分布</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="80"/>
        <source>Units over the text as PNG/SVG/HTML…</source>
        <translation>文本上的单元（PNG/SVG/HTML）…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="81"/>
        <source>Export units over the text</source>
        <translation>导出文本上的单元</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="84"/>
        <source>Trace as CSV…</source>
        <translation>轨迹导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="85"/>
        <source>Export trace</source>
        <translation>导出轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="26"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="87"/>
        <source>Window as PNG…</source>
        <translation>窗口导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="88"/>
        <source>Export window</source>
        <translation>导出窗口</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="27"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="160"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="163"/>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="166"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="172"/>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="176"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/help_menu.cpp" line="27"/>
        <source>&amp;Getting started</source>
        <translation>入门(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/help_menu.cpp" line="35"/>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/help_menu.cpp" line="39"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/menus/help_menu.cpp" line="40"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="191"/>
        <source>Cannot open the model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="30"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="42"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="47"/>
        <source>could not write the image</source>
        <translation>无法写入图像</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="211"/>
        <source>no model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="212"/>
        <source>%1 — LSTM Explorer</source>
        <translation>%1 — LSTM 探索器</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="219"/>
        <source>%1 × %2 units</source>
        <translation>%1 × %2 个单元</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="220"/>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_examples.cpp" line="26"/>
        <source>Cannot open the example</source>
        <translation>无法打开示例</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_examples.cpp" line="42"/>
        <source>No series to forecast: %1</source>
        <translation>没有可预测的序列：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_classroom.cpp" line="30"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_classroom.cpp" line="33"/>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_classroom.cpp" line="54"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_classroom.cpp" line="60"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/lesson_menu.cpp" line="21"/>
        <source>Open lesson file…</source>
        <translation>打开课程文件…</translation>
    </message>
    <message>
        <location filename="../../ui/menus/lesson_menu.cpp" line="22"/>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location filename="../../ui/menus/lesson_menu.cpp" line="23"/>
        <source>Lessons (*.json);;All files (*)</source>
        <translation>课程 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/menus/export_menu.cpp" line="59"/>
        <source>&amp;Figure for slides (PNG, SVG, PDF, clipboard)…</source>
        <translation>用于幻灯片的图像（PNG、SVG、PDF、剪贴板）(&amp;F)…</translation>
    </message>
</context>
<context>
    <name>lstm::NextTokenView</name>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="115"/>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="117"/>
        <source>No step yet</source>
        <translation>尚无步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="142"/>
        <source>After &apos;%1&apos; (step %2)</source>
        <translation>读入“%1”之后（第 %2 步）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="148"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="149"/>
        <source>next read: &apos;%1&apos;, p = %2</source>
        <translation>下一个读入：“%1”，p = %2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="157"/>
        <source>click a bar to write that character</source>
        <translation>点击一根柱条即写出该字符</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="167"/>
        <source>ŷ%1</source>
        <translation>ŷ%1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="169"/>
        <source>Prediction at step %1</source>
        <translation>第 %1 步的预测</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="171"/>
        <source>squared error %1</source>
        <translation>平方误差 %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="180"/>
        <source>read xₜ</source>
        <translation>读入 xₜ</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="180"/>
        <source>predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="181"/>
        <source>Step %1 read %2</source>
        <translation>第 %1 步读入 %2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="182"/>
        <source>predicts %1</source>
        <translation>预测 %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="187"/>
        <source>next value</source>
        <translation>下一个值</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="188"/>
        <source>next value %1 (error %2)</source>
        <translation>下一个值 %1（误差 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="219"/>
        <source>value (original units)</source>
        <translation>值（原始单位）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="221"/>
        <source>predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="222"/>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="275"/>
        <source>How many of the most likely next characters to show</source>
        <translation>显示多少个最可能的下一个字符</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/next_token_view.cpp" line="276"/>
        <source>Top</source>
        <translation>前</translation>
    </message>
</context>
<context>
    <name>lstm::PlotExport</name>
    <message>
        <location filename="../../ui/common/plot_export.cpp" line="22"/>
        <source>%1: unsupported format (use .png or .pdf)</source>
        <translation>%1：不支持的格式（请使用 .png 或 .pdf）</translation>
    </message>
    <message>
        <location filename="../../ui/common/plot_export.cpp" line="45"/>
        <source>%1: could not write the file</source>
        <translation>%1：无法写入文件</translation>
    </message>
</context>
<context>
    <name>lstm::PresentationMode</name>
    <message>
        <location filename="../../ui/presentation_mode.cpp" line="85"/>
        <source>&amp;Presentation</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_mode.cpp" line="86"/>
        <source>Full screen, large text and high-contrast colours for a projector (F11; Esc leaves)</source>
        <translation>全屏、大字号和高对比度配色，适合投影仪（F11；按 Esc 退出）</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_mode.cpp" line="87"/>
        <source>Hide advanced controls</source>
        <translation>隐藏高级控件</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_mode.cpp" line="88"/>
        <source>While presenting, hide the menu bar, status bar and toolbars; the arrow keys and Space still drive the model</source>
        <translation>演示时隐藏菜单栏、状态栏和工具栏；方向键和空格键仍可驱动模型</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_mode.cpp" line="90"/>
        <source>Leave presentation</source>
        <translation>退出演示</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_mode.cpp" line="91"/>
        <source>Back to the full window (Esc or F11)</source>
        <translation>回到完整窗口（Esc 或 F11）</translation>
    </message>
    <message>
        <location filename="../../ui/presentation_mode.cpp" line="92"/>
        <source>Presentation</source>
        <translation>演示</translation>
    </message>
</context>
<context>
    <name>lstm::Problem</name>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="16"/>
        <source>{value}</source>
        <translation>{value}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="17"/>
        <source>reading failed: {value}</source>
        <translation>读取失败：{value}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="18"/>
        <source>writing failed: {value}</source>
        <translation>写入失败：{value}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="19"/>
        <source>loading was cancelled</source>
        <translation>加载已取消</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="21"/>
        <source>cannot save an inconsistent model: {cause}</source>
        <translation>无法保存不一致的模型：{cause}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="22"/>
        <source>the vocabulary has {value} symbols but the model expects {limit}</source>
        <translation>词表有 {value} 个符号，但模型需要 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="23"/>
        <source>the parameter buffer does not match the model&apos;s shape</source>
        <translation>参数缓冲区与模型的形状不符</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="24"/>
        <source>the header (vocabulary and metadata) exceeds {limit} bytes</source>
        <translation>文件头（词表和元数据）超过 {limit} 字节</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="25"/>
        <source>the file is too short to be a model file ({value} bytes)</source>
        <translation>文件太短，不可能是模型文件（{value} 字节）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="27"/>
        <source>this is not an LSTM Explorer model file (it does not start with &quot;LSTMXPLR&quot;)</source>
        <translation>这不是 LSTM Explorer 模型文件（它不以 “LSTMXPLR” 开头）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="28"/>
        <source>the format version is 0, which no version of LSTM Explorer wrote</source>
        <translation>格式版本为 0，任何版本的 LSTM Explorer 都不会写出这种文件</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="30"/>
        <source>the file was written in model format {value} by a newer LSTM Explorer; this version reads format {limit} and older</source>
        <translation>此文件由更新的 LSTM Explorer 以模型格式 {value} 写成；本版本只能读取格式 {limit} 及更早的格式</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="33"/>
        <source>the file is truncated or damaged: its header claims {value} bytes but only {limit} bytes follow</source>
        <translation>文件被截断或已损坏：文件头声明有 {value} 字节，但后面只有 {limit} 字节</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="34"/>
        <source>the header is damaged ({value} at byte {1})</source>
        <translation>文件头已损坏（第 {1} 字节处：{value}）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="35"/>
        <source>the header is damaged (it is not a JSON object)</source>
        <translation>文件头已损坏（不是 JSON 对象）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="37"/>
        <source>the header does not describe an LSTM Explorer model (&quot;format&quot; is not &quot;{value}&quot;)</source>
        <translation>文件头描述的不是 LSTM Explorer 模型（“format” 不是 “{value}”）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="38"/>
        <source>the header&apos;s model shape is unreadable: {cause}</source>
        <translation>无法读取文件头中的模型结构：{cause}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="39"/>
        <source>the header describes an impossible model: {cause}</source>
        <translation>文件头描述的模型不可能存在：{cause}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="41"/>
        <source>inconsistent shapes: the vocabulary lists {value} symbols but the model has {limit}</source>
        <translation>形状不一致：词表列出 {value} 个符号，但模型有 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="42"/>
        <source>vocabulary entry {value} is not a Unicode code point</source>
        <translation>词表第 {value} 项不是 Unicode 码位</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="44"/>
        <source>inconsistent shapes: the header&apos;s model needs {limit} parameters but the file stores {value}</source>
        <translation>形状不一致：文件头中的模型需要 {limit} 个参数，但文件存储了 {value} 个</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="45"/>
        <source>the header lists an extra block without a valid name and size</source>
        <translation>文件头列出的额外数据块缺少有效的名称和大小</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="46"/>
        <source>the header&apos;s extra blocks are larger than any checkpoint can be</source>
        <translation>文件头中的额外数据块比任何检查点都大</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="48"/>
        <source>the file is truncated: {limit} bytes of parameters and checksum expected, {value} present</source>
        <translation>文件被截断：参数和校验和应有 {limit} 字节，实际只有 {value} 字节</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="49"/>
        <source>the file has {value} unexpected bytes after its checksum</source>
        <translation>文件在校验和之后有 {value} 个多余字节</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="51"/>
        <source>the checksum does not match: the file is damaged (stored {value}, computed {1})</source>
        <translation>校验和不匹配：文件已损坏（存储值 {value}，计算值 {1}）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="52"/>
        <source>the parameter {field} holds a value that is not a finite number</source>
        <translation>参数 {field} 含有非有限数值</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="55"/>
        <source>the input kind &apos;{value}&apos; is unknown (expected onehot, embedding or dense)</source>
        <translation>未知的输入类型 “{value}”（应为 onehot、embedding 或 dense）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="56"/>
        <source>the head kind &apos;{value}&apos; is unknown (expected softmax or regression)</source>
        <translation>未知的输出头类型 “{value}”（应为 softmax 或 regression）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="57"/>
        <source>the field &apos;{field}&apos; is missing or not a non-negative integer</source>
        <translation>字段 “{field}” 缺失或不是非负整数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="58"/>
        <source>the hidden size is {value}; it must be between {1} and {limit}</source>
        <translation>隐藏层大小为 {value}；必须在 {1} 到 {limit} 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="59"/>
        <source>the number of layers is {value}; it must be between {1} and {limit}</source>
        <translation>层数为 {value}；必须在 {1} 到 {limit} 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="60"/>
        <source>the vocabulary size is {value}; it must be between {1} and {limit}</source>
        <translation>词表大小为 {value}；必须在 {1} 到 {limit} 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="61"/>
        <source>the embedding size is {value}; it must be between {1} and {limit}</source>
        <translation>嵌入维度为 {value}；必须在 {1} 到 {limit} 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="62"/>
        <source>the input size is {value}; it must be between {1} and {limit}</source>
        <translation>输入维度为 {value}；必须在 {1} 到 {limit} 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="64"/>
        <source>the number of softmax classes is {value}; it must be between {1} and {limit}</source>
        <translation>softmax 类别数为 {value}；必须在 {1} 到 {limit} 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="66"/>
        <source>the number of regression outputs is {value}; it must be between {1} and {limit}</source>
        <translation>回归输出数为 {value}；必须在 {1} 到 {limit} 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="67"/>
        <source>the model would have more than {limit} parameters</source>
        <translation>模型的参数将超过 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="69"/>
        <source>vocabulary entry {value} is not a Unicode character ({1})</source>
        <translation>词表第 {value} 项不是 Unicode 字符（{1}）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="70"/>
        <source>vocabulary entry {value}, {1}, appears twice</source>
        <translation>词表第 {value} 项 {1} 出现了两次</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="71"/>
        <source>a continuation byte without a lead byte</source>
        <translation>后续字节之前没有起始字节</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="72"/>
        <source>a byte that never occurs in UTF-8</source>
        <translation>UTF-8 中不可能出现的字节</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="73"/>
        <source>a multi-byte sequence cut off by the end of the text</source>
        <translation>多字节序列被文本结尾截断</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="74"/>
        <source>a multi-byte sequence with a missing continuation byte</source>
        <translation>多字节序列缺少后续字节</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="75"/>
        <source>an overlong encoding</source>
        <translation>超长编码</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="76"/>
        <source>an encoded UTF-16 surrogate</source>
        <translation>编码了 UTF-16 代理项</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="77"/>
        <source>a code point above U+10FFFF</source>
        <translation>码位超过 U+10FFFF</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="80"/>
        <source>the validation fraction must be between 0 and 0.9 (it is {value})</source>
        <translation>验证集比例必须在 0 到 0.9 之间（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="81"/>
        <source>this is a directory, not a text file</source>
        <translation>这是一个文件夹，不是文本文件</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="82"/>
        <source>invalid UTF-8 at byte {value} ({cause})</source>
        <translation>第 {value} 字节处的 UTF-8 无效（{cause}）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="83"/>
        <source>the corpus is empty</source>
        <translation>语料为空</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="85"/>
        <source>the corpus has only one distinct character ({value}); a model needs at least two</source>
        <translation>语料只有一种字符（{value}）；模型至少需要两种</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="86"/>
        <source>character {value} of the text, {1}, is not a Unicode character</source>
        <translation>文本的第 {value} 个字符 {1} 不是 Unicode 字符</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="87"/>
        <source>there is not enough memory to hold the corpus</source>
        <translation>内存不足，无法容纳该语料</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="90"/>
        <source>the delimiter must be an ASCII character other than a quote, a line break or a digit</source>
        <translation>分隔符必须是 ASCII 字符，且不能是引号、换行符或数字</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="91"/>
        <source>the decimal separator must be &apos;.&apos; or &apos;,&apos;</source>
        <translation>小数点必须是 “.” 或 “,”</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="92"/>
        <source>the delimiter and the decimal separator are both &apos;{value}&apos;</source>
        <translation>分隔符和小数点都是 “{value}”</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="93"/>
        <source>the size limit must not be negative</source>
        <translation>大小上限不能为负数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="94"/>
        <source>this is a directory, not a CSV file</source>
        <translation>这是一个文件夹，不是 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="95"/>
        <source>the file has {value} bytes, more than the limit of {limit}</source>
        <translation>文件有 {value} 字节，超过了 {limit} 字节的上限</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="96"/>
        <source>there is not enough memory to hold the table</source>
        <translation>内存不足，无法容纳该表格</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="97"/>
        <source>line {line}: a quoted field is not closed before the end of the file</source>
        <translation>第 {line} 行：带引号的字段直到文件结尾都没有闭合</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="98"/>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="99"/>
        <source>the file has only blank lines</source>
        <translation>文件只有空行</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="101"/>
        <source>line {line}: the name of column {column} is not valid UTF-8 ({cause})</source>
        <translation>第 {line} 行：第 {column} 列的列名不是有效的 UTF-8（{cause}）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="102"/>
        <source>line {line} has {value} fields, but line {1} has {limit}</source>
        <translation>第 {line} 行有 {value} 个字段，但第 {1} 行有 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="103"/>
        <source>no column holds numbers (line {line}: {value})</source>
        <translation>没有哪一列是数字（第 {line} 行：{value}）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="104"/>
        <source>line {line}, {columnLabel}: the value is missing</source>
        <translation>第 {line} 行，{columnLabel}：缺少数值</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="105"/>
        <source>line {line}, {columnLabel}: &quot;{value}&quot; is out of the range of a double</source>
        <translation>第 {line} 行，{columnLabel}：“{value}”超出了双精度数的范围</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="106"/>
        <source>line {line}, {columnLabel}: &quot;{value}&quot; is not a number</source>
        <translation>第 {line} 行，{columnLabel}：“{value}”不是数字</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="107"/>
        <source>the file has a header (line {line}) but no rows of numbers</source>
        <translation>文件有表头（第 {line} 行），但没有数字行</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="108"/>
        <source>{columnLabel} holds text, not numbers (line {line}: &quot;{value}&quot;)</source>
        <translation>{columnLabel}是文本而不是数字（第 {line} 行：“{value}”）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="110"/>
        <source>there is no column &quot;{field}&quot;; the columns are {value} (or 1 to {limit} by number)</source>
        <translation>没有名为 “{field}” 的列；现有的列是 {value}（或按编号 1 到 {limit}）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="112"/>
        <source>there is no column {column}; the columns are {value} (or 1 to {limit} by number)</source>
        <translation>没有第 {column} 列；现有的列是 {value}（或按编号 1 到 {limit}）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="113"/>
        <source>column &quot;{field}&quot;</source>
        <translation>“{field}”列</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="114"/>
        <source>column {column}</source>
        <translation>第 {column} 列</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="116"/>
        <source>the validation fraction must lie between 0 and 0.9</source>
        <translation>验证集比例必须在 0 到 0.9 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="117"/>
        <source>the series &quot;{field}&quot; has {value} values; a model needs between {1} and {limit}</source>
        <translation>序列 “{field}” 有 {value} 个值；模型需要 {1} 到 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="118"/>
        <source>value {1} of the series &quot;{field}&quot; is {value}, not a finite number</source>
        <translation>序列 “{field}” 的第 {1} 个值为 {value}，不是有限数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="119"/>
        <source>the model&apos;s series generator &quot;{field}&quot; of length {value} is unknown</source>
        <translation>模型的序列生成器 “{field}”（长度 {value}）未知</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="120"/>
        <source>the model does not say where its series came from</source>
        <translation>模型没有说明它的序列来自哪里</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="121"/>
        <source>not a series generator; use sines, seasonal or mackey-glass</source>
        <translation>不是序列生成器；请使用 sines、seasonal 或 mackey-glass</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="122"/>
        <source>the model&apos;s series scaling is not an object</source>
        <translation>模型保存的序列缩放不是一个对象</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="123"/>
        <source>the model&apos;s series scaling has no finite mean</source>
        <translation>模型保存的序列缩放没有有限的均值</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="124"/>
        <source>the model&apos;s series scaling needs a finite standard deviation &gt; 0</source>
        <translation>模型保存的序列缩放需要一个大于 0 的有限标准差</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="125"/>
        <source>a generated series must have between {1} and {limit} values, not {value}</source>
        <translation>生成的序列必须有 {1} 到 {limit} 个值，而不是 {value} 个</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="126"/>
        <source>the number of characters is {value}; it must be in [1, {limit}]</source>
        <translation>字符数为 {value}；必须在 [1, {limit}] 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="127"/>
        <source>the generator &quot;{field}&quot; makes a numeric series, not text</source>
        <translation>生成器 “{field}” 生成的是数值序列，不是文本</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="128"/>
        <source>there is no generator called &quot;{field}&quot;</source>
        <translation>没有名为 “{field}” 的生成器</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="129"/>
        <source>the option {field} is {value}; it must be in [{1}, {2}]</source>
        <translation>选项 {field} 为 {value}；它必须在 [{1}, {2}] 之内</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="131"/>
        <source>the option {field} is {value}; it must be at least the option {1} ({2}) and at most {3}</source>
        <translation>选项 {field} 为 {value}；它必须不小于选项 {1}（{2}），且不大于 {3}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="133"/>
        <source>the option {field} is {value}; it must be finite and at least the option {1} ({2})</source>
        <translation>选项 {field} 为 {value}；它必须是有限数，且不小于选项 {1}（{2}）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="134"/>
        <source>the option {field} is {value}; it must be a finite number</source>
        <translation>选项 {field} 为 {value}；它必须是有限数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="135"/>
        <source>the option {field} is {value}; it must be finite and zero or positive</source>
        <translation>选项 {field} 为 {value}；它必须是有限数，且为零或正数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="136"/>
        <source>the option {field} is {value}; it must be finite and positive</source>
        <translation>选项 {field} 为 {value}；它必须是有限的正数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="138"/>
        <source>the length range [{1}, {2}] holds no even length; balanced brackets need one</source>
        <translation>长度范围 [{1}, {2}] 中没有偶数长度；平衡括号需要偶数长度</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="140"/>
        <source>the list {field} has length {value}; it must be empty (drawn from the seed) or have one value per component ({limit})</source>
        <translation>列表 {field} 的长度为 {value}；它必须为空（由种子随机生成）或每个分量一个值（{limit} 个）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="142"/>
        <source>the list {field} holds {value}; every value must be finite</source>
        <translation>列表 {field} 含有 {value}；每个值都必须是有限数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="143"/>
        <source>the product examples × length is {value}; it must be at most {limit}</source>
        <translation>样本数 × 长度为 {value}；它不能超过 {limit}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="145"/>
        <source>the number of integration steps, (burnIn + length) × stepsPerUnit, is {value}; it must be at most {limit}</source>
        <translation>积分步数 (burnIn + length) × stepsPerUnit 为 {value}；它不能超过 {limit}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="148"/>
        <source>the option {field} is {value}; it must be positive and at most {limit} integration steps ({field} × {1})</source>
        <translation>选项 {field} 为 {value}；它必须为正，且不超过 {limit} 个积分步（{field} × {1}）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="150"/>
        <source>the option {field} is {value}; {field} × {1} must be a whole number of integration steps</source>
        <translation>选项 {field} 为 {value}；{field} × {1} 必须是整数个积分步</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="152"/>
        <source>the option {field} is {value}; it must be finite and greater than the option {1} ({2}), so that the history stays positive</source>
        <translation>选项 {field} 为 {value}；它必须是有限数且大于选项 {1}（{2}），这样历史值才保持为正</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="154"/>
        <source>the alphabet is empty; it needs at least one symbol to copy</source>
        <translation>字母表为空；至少需要一个可复制的符号</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="156"/>
        <source>the alphabet contains the blank, the marker, a line break or an invalid code point</source>
        <translation>字母表包含空白符、标记符、换行符或无效的码位</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="158"/>
        <source>the blank and the marker must be two different valid characters, neither of them a line break</source>
        <translation>空白符和标记符必须是两个不同的有效字符，且都不能是换行符</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="161"/>
        <source>the temperature is {value}; it must be a finite number, zero (greedy) or positive</source>
        <translation>温度为 {value}；它必须是有限数，为零（贪心）或正数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="162"/>
        <source>the top-k is {value}; it must be zero (keep every token) or positive</source>
        <translation>top-k 为 {value}；它必须为零（保留所有词元）或正数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="163"/>
        <source>the top-p is {value}; it must be in (0, 1]</source>
        <translation>top-p 为 {value}；它必须在 (0, 1] 之内</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="165"/>
        <source>the sequence length is {value}; it must be between 1 and {limit}</source>
        <translation>序列长度为 {value}；必须在 1 到 {limit} 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="166"/>
        <source>the batch is {value}; it must be between 1 and {limit}</source>
        <translation>批大小为 {value}；必须在 1 到 {limit} 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="167"/>
        <source>the embedding size is {value}; use 0 for one-hot input</source>
        <translation>嵌入维度为 {value}；独热输入请使用 0</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="168"/>
        <source>the thread count is {value}; it must be between 1 and {limit}</source>
        <translation>线程数为 {value}；必须在 1 到 {limit} 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="169"/>
        <source>the training length must be a positive number of iterations or epochs</source>
        <translation>训练长度必须是正数的迭代次数或轮数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="170"/>
        <source>the evaluation interval must be zero or positive</source>
        <translation>评估间隔必须为零或正数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="171"/>
        <source>the time limit must be zero (none) or a positive number of seconds</source>
        <translation>时间限制必须为零（不限）或正数秒</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="172"/>
        <source>the clipping norm must be a number</source>
        <translation>裁剪范数必须是一个数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="173"/>
        <source>the forget-gate bias must be a number</source>
        <translation>遗忘门偏置必须是一个数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="175"/>
        <source>the training part of the corpus {field} has {value} characters, but {1} streams of {2} steps need at least {limit}; use a smaller batch or sequence length, or a longer text</source>
        <translation>语料 {field} 的训练部分有 {value} 个字符，但 {1} 个流、每个 {2} 步至少需要 {limit} 个；请减小批大小或序列长度，或使用更长的文本</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="178"/>
        <source>the training part of the corpus {field} has {value} values, but {1} streams of {2} steps need at least {limit}; use a smaller batch or sequence length, or a longer series</source>
        <translation>语料 {field} 的训练部分有 {value} 个值，但 {1} 个流、每个 {2} 步至少需要 {limit} 个；请减小批大小或序列长度，或使用更长的序列</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="181"/>
        <source>the validation part of the corpus {field} has {value} characters, fewer than one window of {limit}; shorten the sequence or hold out more text</source>
        <translation>语料 {field} 的验证部分有 {value} 个字符，不足一个 {limit} 的窗口；请缩短序列或留出更多文本</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="184"/>
        <source>the validation part of the corpus {field} has {value} values, fewer than one window of {limit}; shorten the sequence or hold out more values</source>
        <translation>语料 {field} 的验证部分有 {value} 个值，不足一个 {limit} 的窗口；请缩短序列或留出更多数值</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="187"/>
        <source>this configuration needs about {value} GiB of memory, more than the {limit} GiB this machine has can spare; use fewer hidden units, layers, steps or streams</source>
        <translation>此配置大约需要 {value} GiB 内存，超过了本机可用的 {limit} GiB；请减少隐藏单元、层数、步数或流数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="189"/>
        <source>the learning rate is {value}; it must be a positive number</source>
        <translation>学习率为 {value}；必须是正数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="190"/>
        <source>the weight decay is {value}; it must be zero or positive</source>
        <translation>权重衰减为 {value}；必须为零或正数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="191"/>
        <source>the momentum is {value}; it must be in [0, 1)</source>
        <translation>动量为 {value}；必须在 [0, 1) 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="192"/>
        <source>Nesterov momentum needs a positive momentum and zero dampening</source>
        <translation>Nesterov 动量需要正的动量和零阻尼</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="193"/>
        <source>the RMSprop alpha is {value}; it must be in [0, 1)</source>
        <translation>RMSprop 的 alpha 为 {value}；必须在 [0, 1) 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="194"/>
        <source>the Adam beta1 is {value}; it must be in [0, 1)</source>
        <translation>Adam 的 beta1 为 {value}；必须在 [0, 1) 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="195"/>
        <source>the Adam beta2 is {value}; it must be in [0, 1)</source>
        <translation>Adam 的 beta2 为 {value}；必须在 [0, 1) 之间</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="196"/>
        <source>the epsilon is {value}; it must be positive</source>
        <translation>epsilon 为 {value}；必须是正数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="197"/>
        <source>the training settings lack &apos;{field}&apos;</source>
        <translation>训练设置缺少 “{field}”</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="198"/>
        <source>the training settings name an unknown optimizer</source>
        <translation>训练设置中指定了未知的优化器</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="199"/>
        <source>the training settings have an unreadable seed</source>
        <translation>训练设置中的随机种子无法读取</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="200"/>
        <source>this is a model file, not a training checkpoint</source>
        <translation>这是模型文件，不是训练检查点</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="202"/>
        <source>the checkpoint was made on {field} ({value} training characters, SHA-256 {1}…), not on this corpus with this validation split</source>
        <translation>该检查点基于 {field}（{value} 个训练字符，SHA-256 {1}…），而不是当前语料和当前的验证集划分</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="204"/>
        <source>the checkpoint&apos;s model does not match its own training settings</source>
        <translation>检查点中的模型与其自身的训练设置不符</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="206"/>
        <source>the checkpoint&apos;s optimiser or state blocks are missing or have the wrong size</source>
        <translation>检查点的优化器或状态数据块缺失或大小不对</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="208"/>
        <source>the checkpoint is already at iteration {value}; ask for more iterations in total to continue</source>
        <translation>检查点已经在第 {value} 次迭代；要继续，请指定更多的总迭代次数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="209"/>
        <source>the checkpoint&apos;s position is inconsistent (iteration {value} of {limit})</source>
        <translation>检查点的位置不一致（第 {value} 次迭代，共 {limit} 次）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="210"/>
        <source>the checkpoint&apos;s random generator state is unreadable</source>
        <translation>检查点的随机数生成器状态无法读取</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="211"/>
        <source>training was stopped after iteration {value} of {limit}</source>
        <translation>训练在第 {value} 次迭代（共 {limit} 次）之后停止</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="212"/>
        <source>training was stopped during iteration {value} of {limit}</source>
        <translation>训练在第 {value} 次迭代（共 {limit} 次）期间停止</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="214"/>
        <source>training was stopped after iteration {value} of {limit}, during validation</source>
        <translation>训练在第 {value} 次迭代（共 {limit} 次）之后、验证期间停止</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="216"/>
        <source>training diverged at iteration {value} ({cause}); restored the weights after iteration {1}, the last to give a finite loss — try a lower learning rate or stronger clipping</source>
        <translation>训练在第 {value} 次迭代发散（{cause}）；已恢复第 {1} 次迭代后的权重，即最后一次得到有限损失的权重——请尝试更低的学习率或更强的裁剪</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="218"/>
        <source>the loss is {value}</source>
        <translation>损失为 {value}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="219"/>
        <source>the gradient norm is {value}</source>
        <translation>梯度范数为 {value}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="220"/>
        <source>the update made weights infinite</source>
        <translation>更新使权重变为无穷大</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="222"/>
        <source>the file is larger than 4 GiB</source>
        <translation>文件大于 4 GiB</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="223"/>
        <source>invalid JSON ({value} at byte {1})</source>
        <translation>JSON 无效（第 {1} 字节处：{value}）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="224"/>
        <source>not a PyTorch interchange file: &quot;format&quot; must be &quot;{value}&quot;</source>
        <translation>不是 PyTorch 交换文件：“format” 必须是 “{value}”</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="225"/>
        <source>&quot;vocab&quot; is missing or empty</source>
        <translation>“vocab” 缺失或为空</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="227"/>
        <source>vocab entry {value} must be a string of exactly one Unicode character</source>
        <translation>vocab 第 {value} 项必须是恰好一个 Unicode 字符的字符串</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="228"/>
        <source>&quot;state_dict&quot; is missing or empty</source>
        <translation>“state_dict” 缺失或为空</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="229"/>
        <source>the state_dict has no lstm.weight_ih_l0 / lstm.weight_hh_l0</source>
        <translation>state_dict 中没有 lstm.weight_ih_l0 / lstm.weight_hh_l0</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="230"/>
        <source>the tensors describe an impossible model: {cause}</source>
        <translation>这些张量描述的模型不可能存在：{cause}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="231"/>
        <source>the state_dict has no {field}</source>
        <translation>state_dict 中没有 {field}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="233"/>
        <source>the state_dict has {field}, which this importer does not support (only a unidirectional nn.LSTM without projections, an optional nn.Embedding and an nn.Linear head)</source>
        <translation>state_dict 中有 {field}，本导入器不支持（只支持无投影的单向 nn.LSTM、可选的 nn.Embedding 和 nn.Linear 输出头）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="235"/>
        <source>{field} has shape {value} but the model needs {limit}</source>
        <translation>{field} 的形状为 {value}，但模型需要 {limit}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="236"/>
        <source>{field} has shape (not a list of numbers) but the model needs {limit}</source>
        <translation>{field} 不是数字列表，但模型需要形状 {limit}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="237"/>
        <source>{field}[{1}][{2}] is not a finite float32 number</source>
        <translation>{field}[{1}][{2}] 不是有限的 float32 数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="238"/>
        <source>{field} row {1} has the wrong length (ragged list)</source>
        <translation>{field} 的第 {1} 行长度不对（参差列表）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="240"/>
        <source>line {line}, column {column}: {value}</source>
        <translation>第 {line} 行，第 {column} 列：{value}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="241"/>
        <source>{field}: the file is not a JSON object</source>
        <translation>{field}：文件不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="242"/>
        <source>{field}: missing</source>
        <translation>{field}：缺失</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="243"/>
        <source>{field}: unknown key &quot;{value}&quot; (known: {1})</source>
        <translation>{field}：未知的键 “{value}”（已知的键：{1}）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="244"/>
        <source>{field}: {value} is not a non-negative integer</source>
        <translation>{field}：{value} 不是非负整数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="245"/>
        <source>{field}: {value} is not a string</source>
        <translation>{field}：{value} 不是字符串</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="246"/>
        <source>{field}: &quot;{value}&quot; is not a language code like &quot;en&quot; or &quot;zh_CN&quot;</source>
        <translation>{field}：“{value}” 不是 “en” 或 “zh_CN” 这样的语言代码</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="247"/>
        <source>{field}: {value} is neither a text nor an object of texts by language</source>
        <translation>{field}：{value} 既不是文本，也不是按语言给出文本的对象</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="248"/>
        <source>{field}: the text is empty</source>
        <translation>{field}：文本为空</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="249"/>
        <source>{field}: no text in any language</source>
        <translation>{field}：没有任何语言的文本</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="250"/>
        <source>{field}: &quot;{value}&quot; is not one of i, f, g, o</source>
        <translation>{field}：“{value}” 不是 i、f、g、o 之一</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="251"/>
        <source>{field}: {value} is not a number</source>
        <translation>{field}：{value} 不是数字</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="252"/>
        <source>{field}: {value} is not an object</source>
        <translation>{field}：{value} 不是对象</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="254"/>
        <source>{field}: &quot;{value}&quot; is not one of clamp, zero-hidden, zero-cell, set-cell, add-cell</source>
        <translation>{field}：“{value}” 不是 clamp、zero-hidden、zero-cell、set-cell、add-cell 之一</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="255"/>
        <source>{field}: only a clamp has a gate</source>
        <translation>{field}：只有 clamp 才有门</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="256"/>
        <source>{field}: a {value} has no value</source>
        <translation>{field}：{value} 没有数值</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="257"/>
        <source>{field}: {value} is outside the range of gate {1} ({limit}…1)</source>
        <translation>{field}：{value} 超出了门 {1} 的范围（{limit}…1）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="258"/>
        <source>{field}: an answer needs a question</source>
        <translation>{field}：有答案就必须有问题</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="259"/>
        <source>{field}: the path is empty</source>
        <translation>{field}：路径为空</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="260"/>
        <source>{field}: {value} is not true or false</source>
        <translation>{field}：{value} 不是 true 或 false</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="261"/>
        <source>{field}: there is no model to reload in this step</source>
        <translation>{field}：这一步没有可以重新加载的模型</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="262"/>
        <source>{field}: {value} is more than the {limit} characters of the text</source>
        <translation>{field}：{value} 超过了文本的 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="264"/>
        <source>{field}: &quot;{value}&quot; is not one of i, f, g, o, c, h, a_i, a_f, a_g, a_o</source>
        <translation>{field}：“{value}” 不是 i、f、g、o、c、h、a_i、a_f、a_g、a_o 之一</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="265"/>
        <source>{field}: {value} is not an array</source>
        <translation>{field}：{value} 不是数组</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="266"/>
        <source>{field}: the same intervention is listed twice</source>
        <translation>{field}：同一个干预列出了两次</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="267"/>
        <source>invalid regular expression &quot;{field}&quot; at character {column}: {value}</source>
        <translation>正则表达式“{field}”在第 {column} 个字符处无效：{value}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="268"/>
        <source>{field}: &quot;{value}&quot; is not one of {1}</source>
        <translation>{field}：“{value}” 不是 {1} 之一</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="269"/>
        <source>{field}: the name is empty</source>
        <translation>{field}：名称为空</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="270"/>
        <source>{field}: a lesson needs a non-empty array of steps</source>
        <translation>{field}：课程需要一个非空的步骤数组</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="271"/>
        <source>{field}: {value} is outside 0…{limit}</source>
        <translation>{field}：{value} 超出了 0…{limit}</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="272"/>
        <source>{field}: there are no steps to inspect</source>
        <translation>{field}：没有可以查看的步骤</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="273"/>
        <source>the lesson has no title</source>
        <translation>课程没有标题</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="274"/>
        <source>the lesson gives a layer without a unit, or a unit without a layer</source>
        <translation>课程给出了层却没有单元，或给出了单元却没有层</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="275"/>
        <source>the lesson&apos;s layer and unit must be non-negative integers</source>
        <translation>课程的层和单元必须是非负整数</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="276"/>
        <source>the lesson&apos;s quantity &quot;{value}&quot; is not one of i, f, g, o, c, h</source>
        <translation>课程的量 “{value}” 不是 i、f、g、o、c、h 之一</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="277"/>
        <source>the model has no lesson</source>
        <translation>模型没有课程</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="279"/>
        <source>the lesson&apos;s unit {1} of layer {2} is outside the model ({3} layers of {4} units)</source>
        <translation>课程的第 {2} 层第 {1} 单元超出了模型范围（{3} 层，每层 {4} 个单元）</translation>
    </message>
    <message>
        <location filename="../../core/common/problem_sentences.cpp" line="285"/>
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
</context>
<context>
    <name>lstm::Quantity</name>
    <message>
        <location filename="../../ui/common/quantity_style.cpp" line="14"/>
        <source>input gate i</source>
        <translation>输入门 i</translation>
    </message>
    <message>
        <location filename="../../ui/common/quantity_style.cpp" line="15"/>
        <source>forget gate f</source>
        <translation>遗忘门 f</translation>
    </message>
    <message>
        <location filename="../../ui/common/quantity_style.cpp" line="16"/>
        <source>candidate g</source>
        <translation>候选值 g</translation>
    </message>
    <message>
        <location filename="../../ui/common/quantity_style.cpp" line="17"/>
        <source>output gate o</source>
        <translation>输出门 o</translation>
    </message>
    <message>
        <location filename="../../ui/common/quantity_style.cpp" line="18"/>
        <source>cell state c</source>
        <translation>细胞状态 c</translation>
    </message>
    <message>
        <location filename="../../ui/common/quantity_style.cpp" line="19"/>
        <source>hidden state h</source>
        <translation>隐藏状态 h</translation>
    </message>
    <message>
        <location filename="../../ui/common/quantity_style.cpp" line="20"/>
        <source>pre-activation a_i</source>
        <translation>预激活 a_i</translation>
    </message>
    <message>
        <location filename="../../ui/common/quantity_style.cpp" line="21"/>
        <source>pre-activation a_f</source>
        <translation>预激活 a_f</translation>
    </message>
    <message>
        <location filename="../../ui/common/quantity_style.cpp" line="22"/>
        <source>pre-activation a_g</source>
        <translation>预激活 a_g</translation>
    </message>
    <message>
        <location filename="../../ui/common/quantity_style.cpp" line="23"/>
        <source>pre-activation a_o</source>
        <translation>预激活 a_o</translation>
    </message>
</context>
<context>
    <name>lstm::RecoveryBanner</name>
    <message>
        <location filename="../../ui/training/recovery_banner.cpp" line="42"/>
        <source>Resume it</source>
        <translation>恢复训练</translation>
    </message>
    <message>
        <location filename="../../ui/training/recovery_banner.cpp" line="43"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../ui/training/recovery_banner.cpp" line="59"/>
        <source>A training run on %1 was not saved when the program last ended. Its recovery checkpoint from %2 is at iteration %3.</source>
        <translation>程序上次退出时，在 %1 上的一次训练没有保存。它在 %2 写下的恢复检查点位于第 %3 次迭代。</translation>
    </message>
</context>
<context>
    <name>lstm::SampleLog</name>
    <message>
        <location filename="../../ui/training/sample_log.cpp" line="28"/>
        <source>Samples written by the model as it learns appear here.</source>
        <translation>模型在学习过程中写出的样本会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/training/sample_log.cpp" line="29"/>
        <source>Nothing to sample: a series model predicts numbers, not text. Its forecasts show in the Forecast view.</source>
        <translation>无可采样：序列模型预测的是数值而不是文本。它的预测显示在“预测”视图中。</translation>
    </message>
    <message>
        <location filename="../../ui/training/sample_log.cpp" line="55"/>
        <source>iteration %1: %2</source>
        <translation>第 %1 次迭代：%2</translation>
    </message>
</context>
<context>
    <name>lstm::SaturationScatter</name>
    <message>
        <location filename="../../ui/explorer/saturation_scatter.cpp" line="59"/>
        <source>One dot per unit: how often its gate is above 0.9 (x) and below 0.1 (y). Click a dot to select the unit.</source>
        <translation>每个点代表一个单元：其门值高于 0.9 的频率（x）和低于 0.1 的频率（y）。点击一个点即可选中该单元。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/saturation_scatter.cpp" line="61"/>
        <source>right-saturated (&gt; 0.9)</source>
        <translation>右饱和 (&gt; 0.9)</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/saturation_scatter.cpp" line="62"/>
        <source>left-saturated (&lt; 0.1)</source>
        <translation>左饱和 (&lt; 0.1)</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/saturation_scatter.cpp" line="63"/>
        <source>Saturation of the</source>
        <translation>饱和度：</translation>
    </message>
</context>
<context>
    <name>lstm::ScoreTableModel</name>
    <message>
        <location filename="../../ui/explorer/score_table_model.cpp" line="26"/>
        <source>unit %1: r = %2</source>
        <translation>单元 %1：r = %2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/score_table_model.cpp" line="39"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/score_table_model.cpp" line="39"/>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/score_table_model.cpp" line="39"/>
        <source>r</source>
        <translation>r</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/score_table_model.cpp" line="39"/>
        <source>−1 … r … +1</source>
        <translation>−1 … r … +1</translation>
    </message>
</context>
<context>
    <name>lstm::SelectionToolBar</name>
    <message>
        <location filename="../../ui/explorer/selection_toolbar.cpp" line="49"/>
        <source>Selection</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/selection_toolbar.cpp" line="50"/>
        <source> Layer </source>
        <translation> 层 </translation>
    </message>
    <message>
        <location filename="../../ui/explorer/selection_toolbar.cpp" line="51"/>
        <source> Unit </source>
        <translation> 单元 </translation>
    </message>
    <message>
        <location filename="../../ui/explorer/selection_toolbar.cpp" line="52"/>
        <source> Colour text by </source>
        <translation> 文本着色依据 </translation>
    </message>
</context>
<context>
    <name>lstm::StepValues</name>
    <message>
        <location filename="../../ui/explorer/step_values.cpp" line="21"/>
        <source>h_t of layer %1 (H = %2)</source>
        <translation>第 %1 层的 h_t（H = %2）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/step_values.cpp" line="23"/>
        <source>one-hot &apos;%1&apos; (token %2)</source>
        <translation>独热“%1”（词元 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/step_values.cpp" line="24"/>
        <source>embedding of &apos;%1&apos; (token %2, E = %3)</source>
        <translation>“%1”的嵌入（词元 %2，E = %3）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/step_values.cpp" line="25"/>
        <source>dense input (X = %1)</source>
        <translation>稠密输入（X = %1）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/step_values.cpp" line="149"/>
        <source>value %1 (scaled %2)</source>
        <translation>值 %1（缩放后 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/step_values.cpp" line="173"/>
        <source>%1 clamped to %2</source>
        <translation>%1 钳制为 %2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/step_values.cpp" line="174"/>
        <source>h zeroed</source>
        <translation>h 已清零</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/step_values.cpp" line="175"/>
        <source>c zeroed</source>
        <translation>c 已清零</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/step_values.cpp" line="176"/>
        <source>c set to %1</source>
        <translation>c 设为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/step_values.cpp" line="177"/>
        <source>c shifted by %1</source>
        <translation>c 偏移 %1</translation>
    </message>
</context>
<context>
    <name>lstm::StepWindow</name>
    <message>
        <location filename="../../ui/common/step_window.cpp" line="52"/>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_window.cpp" line="53"/>
        <source>Keep showing the last %1 steps while stepping</source>
        <translation>单步前进时始终显示最近的 %1 步</translation>
    </message>
</context>
<context>
    <name>lstm::TextInputPanel</name>
    <message>
        <location filename="../../ui/explorer/text_input_panel.cpp" line="53"/>
        <source>Type or paste a text for the model to read…</source>
        <translation>输入或粘贴一段文本让模型读取…</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_input_panel.cpp" line="54"/>
        <source>This model reads a series of numbers, not text: give it one from the Forecast dock, or train it on a series. The values appear in the text view.</source>
        <translation>此模型读入的是数值序列而不是文本：请从“预测”面板提供序列，或在序列上训练它。数值会显示在文本视图中。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_input_panel.cpp" line="56"/>
        <source>Read this text</source>
        <translation>读取此文本</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_input_panel.cpp" line="57"/>
        <source>Start again from a zero state with this text; step with → or play</source>
        <translation>从零状态开始重新读取此文本；用 → 单步或播放</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_input_panel.cpp" line="58"/>
        <source>Append</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_input_panel.cpp" line="59"/>
        <source>Add this text after the current one</source>
        <translation>把这段文本接在当前文本之后</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_input_panel.cpp" line="60"/>
        <source>Read to the end</source>
        <translation>读到末尾</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_input_panel.cpp" line="61"/>
        <source>Step through the rest of the text (or series) at once</source>
        <translation>一次读完剩余的文本（或序列）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_input_panel.cpp" line="80"/>
        <source>The box is empty: type or paste a text to read. The text loaded now stays.</source>
        <translation>文本框是空的：请输入或粘贴要读取的文本。当前载入的文本保持不变。</translation>
    </message>
</context>
<context>
    <name>lstm::TextView</name>
    <message>
        <location filename="../../ui/explorer/text_view_legend.cpp" line="36"/>
        <source>colour: %1 of layer %2 unit %3</source>
        <translation>着色：第 %2 层单元 %3 的 %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_view_legend.cpp" line="64"/>
        <source>abc</source>
        <comment>a sample of written text in the legend</comment>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_view_legend.cpp" line="72"/>
        <source>written by the model</source>
        <translation>由模型写出</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_view.cpp" line="189"/>
        <source>step %1: &apos;%2&apos;</source>
        <translation>第 %1 步：“%2”</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_view.cpp" line="193"/>
        <source>not read yet: click to read up to here</source>
        <translation>尚未读取：点击即读到此处</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_view.cpp" line="193"/>
        <source>not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_view.cpp" line="198"/>
        <source>layer %1, unit %2</source>
        <translation>第 %1 层，单元 %2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_view.cpp" line="158"/>
        <source>step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_view.cpp" line="160"/>
        <source>predicts %1 for the next step</source>
        <translation>预测下一步为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/text_view.cpp" line="162"/>
        <source>(actual %1)</source>
        <translation>（实际 %1）</translation>
    </message>
</context>
<context>
    <name>lstm::TrainingController</name>
    <message>
        <location filename="../../ui/training/training_controller.cpp" line="51"/>
        <location filename="../../ui/training/training_controller.cpp" line="65"/>
        <source>A training run is already active: stop it first.</source>
        <translation>已有训练正在进行：请先停止它。</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_controller.cpp" line="109"/>
        <source>Training finished after %1 iterations.</source>
        <translation>训练在 %1 次迭代后完成。</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_controller.cpp" line="257"/>
        <source>pause or stop training before saving</source>
        <translation>保存前请暂停或停止训练</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_controller.cpp" line="261"/>
        <source>nothing has been trained yet</source>
        <translation>还没有训练任何内容</translation>
    </message>
</context>
<context>
    <name>lstm::TrainingPanel</name>
    <message>
        <location filename="../../ui/training/training_panel.cpp" line="116"/>
        <source>Could not write the recovery checkpoint: %1</source>
        <translation>无法写入恢复检查点：%1</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_panel.cpp" line="125"/>
        <source>Corpus preview and settings</source>
        <translation>语料预览与设置</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_panel.cpp" line="169"/>
        <source>Cannot start training</source>
        <translation>无法开始训练</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_panel.cpp" line="179"/>
        <location filename="../../ui/training/training_panel.cpp" line="187"/>
        <location filename="../../ui/training/training_panel.cpp" line="223"/>
        <source>Cannot resume training</source>
        <translation>无法继续训练</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_panel.cpp" line="179"/>
        <source>load its corpus first</source>
        <translation>请先加载它的语料</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_panel.cpp" line="193"/>
        <source>Resuming %1…</source>
        <translation>正在恢复 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_panel.cpp" line="214"/>
        <source>Resumed %1 at iteration %2.</source>
        <translation>已在第 %2 次迭代处恢复 %1。</translation>
    </message>
</context>
<context>
    <name>lstm::TrainingProgressView</name>
    <message>
        <location filename="../../ui/training/training_progress_view.cpp" line="33"/>
        <location filename="../../ui/training/training_progress_view.cpp" line="50"/>
        <location filename="../../ui/training/training_progress_view.cpp" line="113"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_progress_view.cpp" line="60"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_progress_view.cpp" line="62"/>
        <source>Training on %1.</source>
        <translation>正在 %1 上训练。</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_progress_view.cpp" line="70"/>
        <source>iteration %1 / %2</source>
        <translation>迭代 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_progress_view.cpp" line="76"/>
        <source>epoch %1 · %2 values/s · ETA %3
</source>
        <translation>第 %1 轮 · %2 个值/秒 · 剩余 %3
</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_progress_view.cpp" line="76"/>
        <source>epoch %1 · %2 chars/s · ETA %3
</source>
        <translation>第 %1 轮 · %2 字符/秒 · 剩余 %3
</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_progress_view.cpp" line="80"/>
        <source>no validation yet</source>
        <translation>尚未验证</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_progress_view.cpp" line="82"/>
        <source>validation MSE %1 (scaled)</source>
        <translation>验证 MSE %1（缩放后）</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_progress_view.cpp" line="84"/>
        <source>validation loss %1 nats/char (%2 bits/char)</source>
        <translation>验证损失 %1 奈特/字符（%2 比特/字符）</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_progress_view.cpp" line="87"/>
        <source> · training loss %1 · gradient norm %2</source>
        <translation> · 训练损失 %1 · 梯度范数 %2</translation>
    </message>
</context>
<context>
    <name>lstm::TrainingRecovery</name>
    <message>
        <location filename="../../ui/training/training_recovery.cpp" line="37"/>
        <source>cannot create the folder</source>
        <translation>无法创建文件夹</translation>
    </message>
</context>
<context>
    <name>lstm::TrainingRunControls</name>
    <message>
        <location filename="../../ui/training/training_run_controls.cpp" line="63"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_controls.cpp" line="64"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_controls.cpp" line="65"/>
        <source>Save model…</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_controls.cpp" line="66"/>
        <source>Save checkpoint…</source>
        <translation>保存检查点…</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_controls.cpp" line="67"/>
        <source>Everything needed to continue this run exactly: weights, optimiser, position</source>
        <translation>精确继续本次训练所需的一切：权重、优化器、进度位置</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_controls.cpp" line="68"/>
        <source>Resume checkpoint…</source>
        <translation>恢复检查点…</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_controls.cpp" line="70"/>
        <source>Continue a saved run on the loaded corpus, to its planned length or to the iterations set above when that is more</source>
        <translation>在已加载的语料上继续一次保存的训练，直到它计划的长度；如果上方设置的迭代次数更多，则训练到该次数</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_controls.cpp" line="96"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_controls.cpp" line="96"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>lstm::TrainingRunFiles</name>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="16"/>
        <source>LSTM checkpoints (*.ckpt);;All files (*)</source>
        <translation>LSTM 检查点 (*.ckpt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="37"/>
        <source>Save checkpoint</source>
        <translation>保存检查点</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="39"/>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="41"/>
        <location filename="../../ui/training/training_run_files.cpp" line="60"/>
        <source>LSTM models (*.lstm);;All files (*)</source>
        <translation>LSTM 模型 (*.lstm);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="47"/>
        <source>Cannot save checkpoint</source>
        <translation>无法保存检查点</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="47"/>
        <location filename="../../ui/training/training_run_files.cpp" line="65"/>
        <source>Cannot save model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="51"/>
        <source>Saved a checkpoint at iteration %1 to %2.</source>
        <translation>已将第 %1 次迭代的检查点保存到 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="52"/>
        <source>Saved the model at iteration %1 to %2.</source>
        <translation>已将第 %1 次迭代的模型保存到 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="58"/>
        <source>Save the best weights</source>
        <translation>保存最佳权重</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="68"/>
        <source>Saved the best weights (iteration %1) to %2.</source>
        <translation>已将最佳权重（第 %1 次迭代）保存到 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="72"/>
        <source>Resume checkpoint</source>
        <translation>恢复检查点</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="79"/>
        <source>Unsaved training</source>
        <translation>未保存的训练</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="92"/>
        <source>The model has trained for %1 iterations since it was last saved, and a new run replaces it. Save a checkpoint first?</source>
        <translation>自上次保存以来，模型已训练了 %1 次迭代，新的训练将替换它。要先保存检查点吗？</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_run_files.cpp" line="97"/>
        <source>The model has trained for %1 iterations since it was last saved. Save a checkpoint before closing? It can be resumed later.</source>
        <translation>自上次保存以来，模型已训练了 %1 次迭代。关闭前要保存检查点吗？之后可以继续训练。</translation>
    </message>
</context>
<context>
    <name>lstm::TrainingSettingsForm</name>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="76"/>
        <source>Hidden units</source>
        <translation>隐藏单元数</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="76"/>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="76"/>
        <source>Embedding</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="77"/>
        <source>Sequence length (T)</source>
        <translation>序列长度 (T)</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="77"/>
        <source>Batch (B)</source>
        <translation>批大小 (B)</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="77"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="78"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="78"/>
        <source>Gradient clip</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="78"/>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="79"/>
        <source>Evaluate every</source>
        <translation>评估间隔</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="79"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="79"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="83"/>
        <source>one-hot</source>
        <translation>独热</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="84"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="85"/>
        <source>one epoch</source>
        <translation>一轮</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="86"/>
        <source>at the end</source>
        <translation>仅在结束时</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="87"/>
        <source>Use</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="88"/>
        <source>Set the model size, windows and iterations the corpus suggests</source>
        <translation>恢复按语料建议的模型大小、窗口和迭代次数</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="208"/>
        <source>%1 symbols, %2 characters</source>
        <translation>%1 个符号，%2 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="210"/>
        <source>%1 values</source>
        <translation>%1 个数值</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="212"/>
        <source>1 layer of %1 units</source>
        <translation>1 层，%1 个单元</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="213"/>
        <source>%1 layers of %2 units</source>
        <translation>%1 层，每层 %2 个单元</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="215"/>
        <source>Suggested for %1 (%2): %3.</source>
        <translation>为 %1（%2）建议：%3。</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="216"/>
        <source>Changed from the suggestion for %1 (%2): %3.</source>
        <translation>已改动，%1（%2）的建议为：%3。</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="226"/>
        <source>A series model reads one value per step: no embedding</source>
        <translation>序列模型每步读入一个值：无需嵌入</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="238"/>
        <source>A corpus is needed to check these settings.</source>
        <translation>需要语料才能检查这些设置。</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_settings_form.cpp" line="246"/>
        <source>About %1 MB of memory; %2 iterations.</source>
        <translation>约需 %1 MB 内存；%2 次迭代。</translation>
    </message>
</context>
<context>
    <name>lstm::TrainingTimelineBar</name>
    <message>
        <location filename="../../ui/training/training_timeline_bar.cpp" line="68"/>
        <source>Explore these weights</source>
        <translation>探索这些权重</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_timeline_bar.cpp" line="69"/>
        <source>Show the explorer&apos;s text as the model sees it right now (a copy of the weights)</source>
        <translation>按模型此刻的理解显示探索器中的文本（使用权重的副本）</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_timeline_bar.cpp" line="70"/>
        <source>Follow</source>
        <translation>跟随最新</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_timeline_bar.cpp" line="71"/>
        <source>Re-run the explorer&apos;s text with the newest weights at every snapshot, so the gates change as the model learns</source>
        <translation>每次快照时用最新的权重重新运行探索器中的文本，让门随着模型学习而变化</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_timeline_bar.cpp" line="73"/>
        <source>snapshot every </source>
        <translation>快照间隔 </translation>
    </message>
    <message>
        <location filename="../../ui/training/training_timeline_bar.cpp" line="74"/>
        <source> iterations</source>
        <translation> 次迭代</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_timeline_bar.cpp" line="75"/>
        <source>Training time: drag to see the explorer&apos;s text through the weights of that moment</source>
        <translation>训练时间轴：拖动即可用那一时刻的权重查看探索器中的文本</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_timeline_bar.cpp" line="135"/>
        <location filename="../../ui/training/training_timeline_bar.cpp" line="142"/>
        <source>No snapshots yet: they are taken while training.</source>
        <translation>还没有快照：快照在训练过程中生成。</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_timeline_bar.cpp" line="136"/>
        <location filename="../../ui/training/training_timeline_bar.cpp" line="146"/>
        <source>Iteration %1 (snapshot %2 of %3, %4 MiB kept)</source>
        <translation>第 %1 次迭代（快照 %2 / %3，占用 %4 MiB）</translation>
    </message>
</context>
<context>
    <name>lstm::UnitDiscoveryPanel</name>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="38"/>
        <source>bracket depth</source>
        <translation>括号深度</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="39"/>
        <source>inside quotes</source>
        <translation>位于引号内</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="40"/>
        <source>position in the line</source>
        <translation>行内位置</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="41"/>
        <source>characters since the last space</source>
        <translation>距上一个空格的字符数</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="42"/>
        <source>punctuation</source>
        <translation>标点</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="43"/>
        <source>a&apos;s minus b&apos;s in the line</source>
        <translation>行内 a 的个数减 b 的个数</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="44"/>
        <source>regular expression…</source>
        <translation>正则表达式…</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="153"/>
        <source>regular expression, e.g. [aeiou] or \d+</source>
        <translation>正则表达式，例如 [aeiou] 或 \d+</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="154"/>
        <source>Units of the selected layer, most correlated first. Click one to select it.</source>
        <translation>所选层的单元，相关性最强的排在最前。点击即可选中。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="155"/>
        <source>Rank</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="156"/>
        <source>by</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="246"/>
        <source>No model: open one and read some text to rank its units.</source>
        <translation>无模型：请打开一个模型并读取一些文本，以便为其单元排序。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="248"/>
        <source>This model reads numbers, not text, so there are no text features to rank units by. The plot shows how often each gate saturates.</source>
        <translation>此模型读入的是数值而非文本，因此没有可用于给单元排序的文本特征。下图显示各个门饱和的频率。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="252"/>
        <source>Read some text to rank the units: step forward or type in the text panel.</source>
        <translation>请读取一些文本以便为单元排序：单步前进，或在文本面板中输入。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="262"/>
        <source>%1 mostly &gt; 0.9 in %2 of %3 units, mostly &lt; 0.1 in %4.</source>
        <translation>%1：%3 个单元中有 %2 个大多 &gt; 0.9，%4 个大多 &lt; 0.1。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="290"/>
        <source>Type a regular expression: characters inside its matches count 1, the others 0.</source>
        <translation>请输入正则表达式：匹配范围内的字符计为 1，其余计为 0。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="300"/>
        <source>matches of %1</source>
        <translation>%1 的匹配</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="304"/>
        <source>The %1 does not change in the %2 steps read so far, so no unit can follow it.</source>
        <translation>在目前读过的 %2 步中，%1 没有变化，所以没有单元能跟随它。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_discovery_panel.cpp" line="313"/>
        <source>Unit %1 follows %2 best (r = %3) over %4 steps of layer %5; %6 of %7 units have |r| ≥ %8.</source>
        <translation>在第 %5 层的 %4 步中，单元 %1 最能跟随%2（r = %3）；%7 个单元中有 %6 个 |r| ≥ %8。</translation>
    </message>
</context>
<context>
    <name>lstm::UnitStripsCanvas</name>
    <message>
        <location filename="../../ui/explorer/unit_strips_canvas.cpp" line="117"/>
        <source>L%1 unit %2</source>
        <translation>第 %1 层单元 %2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_canvas.cpp" line="117"/>
        <source>unit %1</source>
        <translation>单元 %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_canvas.cpp" line="320"/>
        <source>step %1: &apos;%2&apos;</source>
        <translation>第 %1 步：“%2”</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_legend.cpp" line="16"/>
        <source>strips: %1</source>
        <translation>色条：%1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_legend.cpp" line="17"/>
        <source>strips: %1, each unit over its own range ±max|%2|</source>
        <translation>色条：%1，每个单元按各自的范围 ±max|%2|</translation>
    </message>
</context>
<context>
    <name>lstm::UnitStripsView</name>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="107"/>
        <source>Strips:</source>
        <translation>色条：</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="108"/>
        <source>units traced in the other views</source>
        <translation>其他视图中追踪的单元</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="109"/>
        <source>units I choose</source>
        <translation>我选择的单元</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="110"/>
        <source>top units of unit discovery</source>
        <translation>单元发现排名靠前的单元</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="111"/>
        <source>units, e.g. 25, 3 or 1:7 (layer 1, unit 7); Enter applies</source>
        <translation>单元，例如 25, 3 或 1:7（第 1 层单元 7）；按回车应用</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="112"/>
        <source>How many of the best-ranked units to show</source>
        <translation>显示排名最靠前的多少个单元</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="113"/>
        <source>by</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="116"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="117"/>
        <source>Save this view alone as PNG, SVG or HTML, for slides</source>
        <translation>将此视图单独保存为 PNG、SVG 或 HTML，用于幻灯片</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="185"/>
        <source>“%1” is not a unit: write 25, or 1:7 for unit 7 of layer 1.</source>
        <translation>“%1”不是单元：请写 25，或用 1:7 表示第 1 层的单元 7。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="186"/>
        <source>The model has no unit %1 in layer %2 (%3 layers of %4 units).</source>
        <translation>模型的第 %2 层没有单元 %1（共 %3 层，每层 %4 个单元）。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="209"/>
        <source>Unit discovery ranks units by features of a text; this model reads numbers.</source>
        <translation>单元发现按文本的特征为单元排名；此模型读入的是数字。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="219"/>
        <source>The %1 does not change in the %2 steps read so far, so no unit can follow it.</source>
        <translation>在目前读过的 %2 步中，%1 没有变化，所以没有单元能跟随它。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="244"/>
        <source>Type the units to show, e.g. 25, 3, and press Enter.</source>
        <translation>输入要显示的单元，例如 25, 3，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="251"/>
        <source>No model: open one to see its units over the text.</source>
        <translation>没有模型：打开一个模型即可看到文本上的单元。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="257"/>
        <source>PNG image (*.png);;SVG image (*.svg);;HTML page (*.html)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg);;HTML 网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="266"/>
        <source>Export units over the text</source>
        <translation>导出文本上的单元</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_strips_view.cpp" line="272"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>lstm::UnitTraceView</name>
    <message>
        <location filename="../../ui/explorer/unit_trace_view.cpp" line="177"/>
        <source>unit %1</source>
        <translation>单元 %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_trace_view.cpp" line="281"/>
        <source>unit </source>
        <translation>单元 </translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_trace_view.cpp" line="282"/>
        <source>Add unit</source>
        <translation>添加单元</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_trace_view.cpp" line="283"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_trace_view.cpp" line="284"/>
        <source>Remove the unit selected in the legend, or the last one</source>
        <translation>移除图例中选中的单元，或最后一个单元</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/unit_trace_view.cpp" line="285"/>
        <source>step</source>
        <translation>步</translation>
    </message>
</context>
<context>
    <name>lstm::UserGuideDialog</name>
    <message>
        <location filename="../../ui/guide/user_guide_dialog.cpp" line="39"/>
        <source>LSTM Explorer user guide</source>
        <translation>LSTM Explorer 使用指南</translation>
    </message>
</context>
<context>
    <name>lstm::Workspaces</name>
    <message>
        <location filename="../../ui/workspaces.cpp" line="165"/>
        <source>Explore</source>
        <translation>探索</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.cpp" line="165"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.cpp" line="165"/>
        <source>Teach</source>
        <translation>教学</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.cpp" line="166"/>
        <source>Read a text and look inside the cell</source>
        <translation>读入文本，查看单元内部</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.cpp" line="167"/>
        <source>Train a model and watch what it learns</source>
        <translation>训练模型，观察它学到什么</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.cpp" line="168"/>
        <source>Follow a lesson beside the views it talks about</source>
        <translation>在课程提到的视图旁跟随课程</translation>
    </message>
    <message>
        <location filename="../../ui/workspaces.cpp" line="174"/>
        <source>Workspaces</source>
        <translation>工作区</translation>
    </message>
</context>
</TS>
