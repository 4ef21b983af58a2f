#:package SkiaSharp
#:package SkiaSharp.NativeAssets.Linux.NoDependencies
// Makes the shipped sample sets in datasets/samples/ (images, annotations in the official formats, and
// predictions whose official scores the golden tests know; the COCO sample's demonstration pool for few-shot). Everything here is the project's own work:
// the pictures are drawn from code, the captions, questions and answers were written for xgen-eval
// (the texts of items 1-5 of the caption set and the VQA answers/predictions are the inputs of
// shared/fixtures/scorers/caption.json and vqa.json, scored there by the official tools).
//
//   dotnet run tools/sample-images/DrawSamples.cs -- datasets/samples
//
// The output is deterministic (no randomness, fixed JPEG quality), so re-running it changes nothing.
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkiaSharp;

string root = args.Length > 0 ? args[0] : "datasets/samples";
const int W = 320, H = 240;

var scenes = new Dictionary<int, Action<SKCanvas>>
{
    [1] = Draw.Surfer, [2] = Draw.Train, [3] = Draw.TwoDogs, [4] = Draw.DogOnCouch, [5] = Draw.CatOnLaptop,
    [6] = Draw.BallOnGrass, [7] = Draw.Sailboat, [8] = Draw.House, [9] = Draw.ThreeSquares, [10] = Draw.TreeAndPond,
    [11] = Draw.StopSign, [12] = Draw.Pizza, [13] = Draw.TwoCars, [14] = Draw.NumberSign, [15] = Draw.ClosedBox,
    [16] = Draw.BarChart, [17] = Draw.HotDog, [18] = Draw.BlurryNote, [19] = Draw.FiveDots, [20] = Draw.FiveStars,
};

// ---- COCO-style captions (captions_val2014.json format) and shared COCO-style images ----
string cocoDir = Path.Combine(root, "coco");
foreach (var (id, draw) in scenes)
    Save(draw, Path.Combine(cocoDir, "val2014", $"COCO_val2014_{id:D12}.jpg"));

var captions = new (int Id, string Prediction, string[] References)[]
{
    (1, "A man riding a wave on top of a surfboard.", ["A man riding a wave on a surfboard.", "A surfer rides a large wave in the ocean.", "A person on a surfboard riding a wave.", "a man is surfing on a big wave", "Surfer (in black) riding a wave!"]),
    (2, "a train traveling down a track in front of a road", ["A train traveling down tracks next to lights.", "A blue and silver train next to train station and trees.", "A blue train is next to a sidewalk on the rails.", "A passenger train pulls into a train station.", "A train coming down the tracks arriving at a station."]),
    (3, "", ["Two dogs play in the grass.", "Two dogs playing with a frisbee on a lawn"]),
    (4, "dog", ["A dog.", "A brown dog sitting on a couch", "The dog is sleeping."]),
    (5, "A cat (black) sitting on a laptop's keyboard...", ["A black cat sitting on a laptop keyboard.", "Cat lying on a computer.", "A cat sits on the keys of an open laptop.", "a black cat is on a laptop"]),
    (6, "a red ball on the grass", ["A red ball sitting on green grass.", "A red ball on a lawn under a blue sky.", "A small red ball in a grassy field.", "a red ball lying in the grass", "A ball on the grass on a sunny day."]),
    (7, "a boat on the water with the sun in the sky", ["A sailboat on the sea under a yellow sun.", "A small boat sailing on blue water.", "The sun shines over a boat on the ocean.", "a white sailboat on calm water", "A boat on the water with the sun in the sky."]),
    (8, "a white house with a red roof", ["A white house with a red roof next to a tree.", "A small house with a red roof.", "A house and a green tree on a sunny day.", "a white house with a tree beside it", "A red roof on a little white house."]),
    (9, "three blue squares on a white background", ["Three blue squares in a row.", "Three blue boxes lined up on a white background.", "A row of three blue squares.", "three squares that are blue", "Blue squares arranged in a line."]),
    (10, "a tree next to a lake", ["A tree next to a small pond.", "A green tree beside a blue pond.", "A pond with a tree growing next to it.", "a tree and a pond in a park", "A small pond near a tall tree."]),
    (11, "a red stop sign on the side of a road", ["A red stop sign on a pole.", "A stop sign next to the road.", "A red sign on a metal pole by the street.", "a stop sign at the side of a road", "A stop sign standing near a road."]),
    (12, "a pizza sitting on top of a plate", ["A pizza on a white plate.", "A whole pizza sitting on a plate.", "A cheese pizza with red sauce on a plate.", "a pizza on a plate on a table", "A round pizza served on a plate."]),
};
WriteJson(Path.Combine(cocoDir, "annotations", "captions_sample.json"), CaptionsFile(
    "xgen-eval COCO-style caption sample (own images and captions)", "val2014", captions.Select(c => (c.Id, c.References)), firstAnnotationId: 1));
WriteJsonLines(Path.Combine(cocoDir, "coco_sample_predictions.jsonl"),
    captions.Select(c => new JsonObject { ["index"] = c.Id.ToString(), ["prediction"] = c.Prediction }));

// ---- The COCO sample's demonstration pool ("sample-train", captions_val2014.json format): few-shot prompts
// draw their demonstrations from here. Six kinds of scene in four variants each, so that images of one kind
// are near each other and far from the others (what RICES should find).
var colours = new (string Name, uint Rgb)[] { ("red", 0xE53935), ("blue", 0x1E88E5), ("yellow", 0xFDD835), ("purple", 0x8E24AA) };
var counts = new[] { "One", "Two", "Three", "Four" };
var train = new List<(int Id, Action<SKCanvas> Draw, string[] References)>();
for (int v = 0; v < 4; v++)
{
    var (name, rgb) = colours[v];
    int n = v + 1;
    train.Add((101 + v, c => Draw.Ball(c, rgb), [$"A {name} ball on green grass.", $"a {name} ball lying on a lawn"]));
    train.Add((105 + v, c => Draw.Squares(c, n, rgb), [$"{counts[v]} {name} square{(n > 1 ? "s" : "")} on a white background.", $"{counts[v].ToLowerInvariant()} {name} box{(n > 1 ? "es" : "")} in a row"]));
    train.Add((109 + v, c => Draw.CarOnRoad(c, rgb), [$"A {name} car on a grey road.", $"a {name} car driving down the street"]));
    train.Add((113 + v, c => Draw.HouseWithRoof(c, rgb), [$"A white house with a {name} roof.", $"a small house with a {name} roof and a tree"]));
    train.Add((117 + v, c => Draw.Boat(c, rgb), [$"A boat with a {name} sail on the sea.", $"a sailboat with a {name} sail on blue water"]));
    train.Add((121 + v, c => Draw.Dots(c, n), [$"{counts[v]} black dot{(n > 1 ? "s" : "")} on a white background.", $"{counts[v].ToLowerInvariant()} black circle{(n > 1 ? "s" : "")} on white"]));
}
train.Sort((a, b) => a.Id.CompareTo(b.Id));
foreach (var t in train) Save(t.Draw, Path.Combine(cocoDir, "train2014", $"COCO_train2014_{t.Id:D12}.jpg"));
WriteJson(Path.Combine(cocoDir, "annotations", "captions_sample_train.json"), CaptionsFile(
    "xgen-eval COCO-style caption sample, demonstration pool (own images and captions)", "train2014", train.Select(t => (t.Id, t.References)), firstAnnotationId: 1001));

// ---- VQAv2-style questions/annotations (official VQA formats) on the same COCO-style images ----
var vqa = new (int QuestionId, int ImageId, string Question, string QuestionType, string AnswerType, string Prediction, string[] Answers)[]
{
    (6001, 6, "Is there a ball on the grass?", "is there a", "yes/no", "Yes", Repeat("yes", 10)),
    (8001, 8, "Is the roof red?", "is the", "yes/no", "yes", Repeat("yes", 10)),
    (3001, 3, "How many dogs are there?", "how many", "number", "Two", ["2", "2", "2", "two", "2", "3", "2", "2", "2", "2"]),
    (13001, 13, "Which car is closer?", "which", "other", "the red one.", ["red", "red", "red one", "red", "maroon", "red", "red", "red", "red", "red"]),
    (14001, 14, "What number is on the sign?", "what number is", "number", "1,000", ["1000", "1000", "1,000", "1000", "1 000", "1000", "one thousand", "1000", "1000", "1000"]),
    (15001, 15, "What is inside the box?", "what is", "other", "dont know", ["don't know", "dont know", "unknown", "no idea", "don't know", "don't know", "dont know", "idk", "don't know", "unsure"]),
    (16001, 16, "How tall is the tallest bar?", "how", "number", "3.5", ["3.5", "3.5", "3.5", "4", "3.5", "3", "3.5", "3.5", "3.5 ", "3.5"]),
    (17001, 17, "What food is this?", "what", "other", "hot-dog", ["hot dog", "hot dog", "hotdog", "hot dog", "hot dog", "hot dogs", "hot dog", "hot dog", "sausage", "hot dog"]),
    (18001, 18, "What does the small text say?", "what does the", "other", "", ["unanswerable", "unanswerable", "unanswerable", "blue", "unanswerable", "unanswerable", "unanswerable", "unanswerable", "unanswerable", "unanswerable"]),
    (19001, 19, "How many dots are there?", "how many", "number", "5.", Repeat("5", 10)),
    (20001, 20, "How many stars are there?", "how many", "number", "5.", ["5", "5", "5", "5", "5", "5", "5", "5", "5", "6"]),
    (4001, 4, "What animal is on the couch?", "what animal is", "other", "A dog", ["dog", "dog", "dog", "dog", "dogs", "dog", "dog", "dog", "dog", "puppy"]),
};
string vqaDir = Path.Combine(root, "vqav2");
var (vqaQuestions, vqaAnnotations) = VqaFiles("xgen-eval VQAv2-style sample (own images, questions and answers)", "val2014",
    vqa.Select(q => (q.QuestionId, q.ImageId, q.Question, q.QuestionType, q.AnswerType, q.Answers)));
WriteJson(Path.Combine(vqaDir, "v2_OpenEnded_mscoco_sample_questions.json"), vqaQuestions);
WriteJson(Path.Combine(vqaDir, "v2_mscoco_sample_annotations.json"), vqaAnnotations);
WriteJsonLines(Path.Combine(vqaDir, "vqav2_sample_predictions.jsonl"),
    vqa.Select(q => new JsonObject { ["index"] = q.QuestionId.ToString(), ["prediction"] = q.Prediction }));

// ---- XM3600-style multilingual captions (Google's captions.jsonl format), English and Chinese ----
var xm = new (string Key, Action<SKCanvas> Draw, string[] En, string PredEn, string[] Zh, string PredZh)[]
{
    ("5eed000000000001", Draw.BallOnGrass, ["A red ball on green grass.", "A ball lying on a lawn."], "a red ball on the grass", ["绿色草地上有一个红色的球", "草坪上的红球"], "草地上有一个红球"),
    ("5eed000000000002", Draw.Sailboat, ["A sailboat on the sea under the sun.", "A small boat on blue water."], "a boat on the water", ["太阳下的海面上有一艘帆船", "蓝色的水上有一条小船"], "水上有一艘船"),
    ("5eed000000000003", Draw.House, ["A white house with a red roof.", "A house next to a tree."], "a house with a red roof", ["一座红色屋顶的白色房子", "房子旁边有一棵树"], "一座有红色屋顶的房子"),
    ("5eed000000000004", Draw.ThreeSquares, ["Three blue squares in a row.", "Three blue boxes on a white background."], "three blue squares", ["三个蓝色的正方形排成一排", "白色背景上的三个蓝色方块"], "三个蓝色方块"),
    ("5eed000000000005", Draw.TreeAndPond, ["A green tree next to a pond.", "A tree and a small pond."], "a tree next to a lake", ["池塘旁边有一棵绿树", "一棵树和一个小池塘"], "湖边的一棵树"),
    ("5eed000000000006", Draw.StopSign, ["A red stop sign by the road.", "A stop sign on a pole."], "a stop sign on the side of the road", ["路边有一个红色的停车标志", "杆子上的停车标志"], "路边的停车标志"),
    ("5eed000000000007", Draw.Pizza, ["A pizza on a white plate.", "A whole pizza on a plate."], "a pizza on a plate", ["白色盘子上的比萨饼", "盘子里有一个完整的比萨"], "盘子上的比萨饼"),
    ("5eed000000000008", Draw.CatOnLaptop, ["A black cat sitting on a laptop.", "A black cat on a keyboard."], "a cat sitting on a laptop keyboard", ["一只黑猫坐在笔记本电脑上", "键盘上的黑色猫咪"], "一只猫坐在电脑键盘上"),
    ("5eed000000000009", Draw.DogOnCouch, ["A brown dog lying on a couch.", "A dog sleeping on a sofa."], "a dog on a couch", ["一只棕色的狗躺在沙发上", "沙发上睡觉的狗"], "沙发上的狗"),
    ("5eed00000000000a", Draw.Train, ["A blue train at a station.", "A train arriving at the station."], "a train at the station", ["一列蓝色火车停在车站", "火车进站了"], "车站里的火车"),
};
string xmDir = Path.Combine(root, "xm3600");
foreach (var x in xm) Save(x.Draw, Path.Combine(xmDir, "images", x.Key + ".jpg"));
WriteJsonLines(Path.Combine(xmDir, "captions.jsonl"), xm.Select(x => new JsonObject
{
    ["image/key"] = x.Key,
    ["en"] = Language(x.En),
    ["zh"] = Language(x.Zh),
}));
WriteJsonLines(Path.Combine(xmDir, "xm3600_sample_predictions.jsonl"),
    xm.SelectMany(x => new[] { ("en", x.PredEn), ("zh", x.PredZh) }
        .Select(p => new JsonObject { ["index"] = $"{p.Item1}_{x.Key}", ["prediction"] = p.Item2 })));

// ---- The VQAv2 sample's demonstration pool ("sample-train"): one question on each COCO sample-train image.
var trainQuestions = new List<(int QuestionId, int ImageId, string Question, string QuestionType, string AnswerType, string[] Answers)>();
for (int v = 0; v < 4; v++)
{
    string colour = colours[v].Name, count = (v + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    trainQuestions.Add(((101 + v) * 1000 + 1, 101 + v, "What color is the ball?", "what color is the", "other", Repeat(colour, 10)));
    trainQuestions.Add(((105 + v) * 1000 + 1, 105 + v, "How many squares are there?", "how many", "number", Repeat(count, 10)));
    trainQuestions.Add(((109 + v) * 1000 + 1, 109 + v, "What color is the car?", "what color is the", "other", Repeat(colour, 10)));
    trainQuestions.Add(((113 + v) * 1000 + 1, 113 + v, "What color is the roof?", "what color is the", "other", Repeat(colour, 10)));
    trainQuestions.Add(((117 + v) * 1000 + 1, 117 + v, "What color is the sail?", "what color is the", "other", Repeat(colour, 10)));
    trainQuestions.Add(((121 + v) * 1000 + 1, 121 + v, "How many dots are there?", "how many", "number", Repeat(count, 10)));
}
trainQuestions.Sort((a, b) => a.QuestionId.CompareTo(b.QuestionId));
var (trainQuestionFile, trainAnnotationFile) = VqaFiles("xgen-eval VQAv2-style sample, demonstration pool (own images, questions and answers)", "train2014", trainQuestions);
WriteJson(Path.Combine(vqaDir, "v2_OpenEnded_mscoco_sample_train_questions.json"), trainQuestionFile);
WriteJson(Path.Combine(vqaDir, "v2_mscoco_sample_train_annotations.json"), trainAnnotationFile);

Console.WriteLine($"wrote the samples under {Path.GetFullPath(root)}");

// The official VQA question and annotation files (v2_OpenEnded_mscoco_*_questions.json, v2_mscoco_*_annotations.json).
static (JsonObject Questions, JsonObject Annotations) VqaFiles(string description, string subtype,
    IEnumerable<(int QuestionId, int ImageId, string Question, string QuestionType, string AnswerType, string[] Answers)> items)
{
    var list = items.ToList();
    var questions = new JsonObject
    {
        ["info"] = new JsonObject { ["description"] = description, ["version"] = "2.0", ["year"] = 2026 },
        ["task_type"] = "Open-Ended", ["data_type"] = "mscoco", ["data_subtype"] = subtype,
        ["license"] = new JsonObject { ["name"] = "Same licence as xgen-eval", ["url"] = "" },
        ["questions"] = new JsonArray(list.Select(q => (JsonNode)new JsonObject
        {
            ["image_id"] = q.ImageId, ["question"] = q.Question, ["question_id"] = q.QuestionId,
        }).ToArray()),
    };
    var annotations = new JsonObject
    {
        ["info"] = new JsonObject { ["description"] = description, ["version"] = "2.0", ["year"] = 2026 },
        ["data_type"] = "mscoco", ["data_subtype"] = subtype,
        ["license"] = new JsonObject { ["name"] = "Same licence as xgen-eval", ["url"] = "" },
        ["annotations"] = new JsonArray(list.Select(q => (JsonNode)new JsonObject
        {
            ["question_type"] = q.QuestionType,
            ["multiple_choice_answer"] = q.Answers.GroupBy(a => a).OrderByDescending(g => g.Count()).First().Key,
            ["answers"] = new JsonArray(q.Answers.Select((a, i) => (JsonNode)new JsonObject
            {
                ["answer"] = a, ["answer_confidence"] = "yes", ["answer_id"] = i + 1,
            }).ToArray()),
            ["image_id"] = q.ImageId, ["answer_type"] = q.AnswerType, ["question_id"] = q.QuestionId,
        }).ToArray()),
    };
    return (questions, annotations);
}

// captions_val2014.json's layout: images named COCO_{folder}_{id:012d}.jpg, one annotation per reference.
static JsonObject CaptionsFile(string description, string folder, IEnumerable<(int Id, string[] References)> images, int firstAnnotationId)
{
    var list = images.ToList();
    int annotationId = firstAnnotationId;
    return new JsonObject
    {
        ["info"] = new JsonObject { ["description"] = description, ["version"] = "1.0", ["year"] = 2026 },
        ["licenses"] = new JsonArray(new JsonObject { ["id"] = 1, ["name"] = "Same licence as xgen-eval", ["url"] = "" }),
        ["type"] = "captions",
        ["images"] = new JsonArray(list.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id, ["file_name"] = $"COCO_{folder}_{c.Id:D12}.jpg", ["width"] = W, ["height"] = H, ["license"] = 1,
        }).ToArray()),
        ["annotations"] = new JsonArray(list.SelectMany(c => c.References.Select(r => (JsonNode)new JsonObject
        {
            ["image_id"] = c.Id, ["id"] = annotationId++, ["caption"] = r,
        })).ToArray()),
    };
}

// Google's captions.jsonl keeps, per language, the captions and two tokenized forms (space-separated
// words; lower-cased): xgen-eval reads only "caption", the others are filled the same simple way.
static JsonObject Language(string[] captions) => new()
{
    ["caption"] = new JsonArray(captions.Select(c => (JsonNode)c).ToArray()),
    ["caption/tokenized"] = new JsonArray(captions.Select(c => (JsonNode)c.TrimEnd('.')).ToArray()),
    ["caption/tokenized/lowercase"] = new JsonArray(captions.Select(c => (JsonNode)c.TrimEnd('.').ToLowerInvariant()).ToArray()),
};

static string[] Repeat(string s, int n) => Enumerable.Repeat(s, n).ToArray();

static void Save(Action<SKCanvas> draw, string path)
{
    using var surface = SKSurface.Create(new SKImageInfo(W, H, SKColorType.Rgba8888, SKAlphaType.Premul));
    surface.Canvas.Clear(SKColors.White);
    draw(surface.Canvas);
    using var image = surface.Snapshot();
    using var data = image.Encode(SKEncodedImageFormat.Jpeg, 88);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllBytes(path, data.ToArray());
}

static void WriteJson(string path, JsonNode node)
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, node.ToJsonString(JsonText.Indented) + "\n");
}

static void WriteJsonLines(string path, IEnumerable<JsonObject> rows)
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, string.Concat(rows.Select(r => r.ToJsonString(JsonText.Compact) + "\n")));
}

static class JsonText
{
    // Non-ASCII text (the Chinese captions) is written as is, not as \u escapes.
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    public static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>The scenes: flat shapes, each recognisable enough for its captions and questions.</summary>
static class Draw
{
    const int W = 320, H = 240;
    static SKPaint Fill(uint rgb) => new() { Color = new SKColor(0xFF000000 | rgb), IsAntialias = true, Style = SKPaintStyle.Fill };
    static SKPaint Stroke(uint rgb, float width) => new() { Color = new SKColor(0xFF000000 | rgb), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = SKStrokeCap.Round };
    static SKFont Font(float size) => new(SKTypeface.Default, size);

    static void Sky(SKCanvas c, float horizon, uint sky = 0x87CEEB, uint ground = 0x4CAF50)
    {
        c.DrawRect(0, 0, W, horizon, Fill(sky));
        c.DrawRect(0, horizon, W, H - horizon, Fill(ground));
    }

    static void Path(SKCanvas c, SKPaint paint, params float[] xy)
    {
        using var p = new SKPath();
        p.MoveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.Length; i += 2) p.LineTo(xy[i], xy[i + 1]);
        p.Close();
        c.DrawPath(p, paint);
    }

    static void StickFigure(SKCanvas c, float x, float y, uint rgb)
    {
        var s = Stroke(rgb, 5);
        c.DrawCircle(x, y - 34, 9, Fill(rgb));
        c.DrawLine(x, y - 25, x, y, s);
        c.DrawLine(x, y - 18, x - 16, y - 24, s);
        c.DrawLine(x, y - 18, x + 16, y - 10, s);
        c.DrawLine(x, y, x - 10, y + 16, s);
        c.DrawLine(x, y, x + 10, y + 16, s);
    }

    static void Dog(SKCanvas c, float x, float y, float scale, uint rgb)
    {
        var body = Fill(rgb);
        c.DrawOval(x, y, 34 * scale, 16 * scale, body);
        c.DrawCircle(x + 34 * scale, y - 14 * scale, 13 * scale, body);
        c.DrawOval(x + 30 * scale, y - 26 * scale, 5 * scale, 10 * scale, Fill(0x3E2723));
        c.DrawOval(x + 46 * scale, y - 10 * scale, 8 * scale, 5 * scale, body);
        c.DrawCircle(x + 38 * scale, y - 17 * scale, 2 * scale, Fill(0x000000));
        var leg = Stroke(rgb, 6 * scale);
        foreach (float dx in new[] { -24f, -12f, 12f, 24f }) c.DrawLine(x + dx * scale, y + 10 * scale, x + dx * scale, y + 26 * scale, leg);
        c.DrawLine(x - 33 * scale, y - 4 * scale, x - 46 * scale, y - 16 * scale, Stroke(rgb, 5 * scale));
    }

    public static void Surfer(SKCanvas c)
    {
        c.DrawRect(0, 0, W, H, Fill(0xB3E5FC));
        using var wave = new SKPath();
        wave.MoveTo(0, 170);
        wave.CubicTo(80, 60, 200, 60, 320, 150);
        wave.LineTo(320, 240);
        wave.LineTo(0, 240);
        wave.Close();
        c.DrawPath(wave, Fill(0x1565C0));
        c.DrawPath(wave, Stroke(0xFFFFFF, 6));
        c.DrawOval(165, 118, 40, 7, Fill(0xFFEB3B));
        StickFigure(c, 165, 92, 0x212121);
    }

    public static void Train(SKCanvas c)
    {
        Sky(c, 150, 0xE3F2FD, 0x9E9E9E);
        c.DrawRect(0, 185, W, 6, Fill(0x5D4037));
        c.DrawRect(0, 200, W, 6, Fill(0x5D4037));
        c.DrawRect(20, 100, 280, 80, Fill(0x1E88E5));
        c.DrawRect(20, 150, 280, 10, Fill(0xCFD8DC));
        for (int i = 0; i < 6; i++) c.DrawRect(35 + i * 44, 112, 30, 26, Fill(0xE0F7FA));
        foreach (float x in new[] { 60f, 120f, 200f, 260f }) c.DrawCircle(x, 184, 11, Fill(0x263238));
        c.DrawRect(240, 40, 70, 50, Fill(0x8D6E63));
        c.DrawText("STATION", 246, 70, Font(13), Fill(0xFFFFFF));
    }

    public static void TwoDogs(SKCanvas c)
    {
        Sky(c, 90);
        Dog(c, 90, 160, 1.0f, 0x8D6E63);
        Dog(c, 220, 170, 0.9f, 0xFFCC80);
        c.DrawOval(160, 110, 18, 6, Fill(0xE53935));
    }

    public static void DogOnCouch(SKCanvas c)
    {
        c.DrawRect(0, 0, W, H, Fill(0xFFF8E1));
        c.DrawRoundRect(30, 90, 260, 60, 12, 12, Fill(0x6D4C41));
        c.DrawRoundRect(20, 140, 280, 60, 12, 12, Fill(0x795548));
        c.DrawRect(30, 200, 14, 25, Fill(0x3E2723));
        c.DrawRect(276, 200, 14, 25, Fill(0x3E2723));
        Dog(c, 140, 120, 1.2f, 0xA1887F);
    }

    public static void CatOnLaptop(SKCanvas c)
    {
        c.DrawRect(0, 0, W, H, Fill(0xECEFF1));
        c.DrawRect(60, 60, 200, 110, Fill(0x455A64));
        c.DrawRect(70, 70, 180, 90, Fill(0x90CAF9));
        Path(c, Fill(0x607D8B), 40, 170, 280, 170, 300, 215, 20, 215);
        for (int r = 0; r < 3; r++)
            for (int k = 0; k < 10; k++) c.DrawRect(48 + k * 23 + r * 4, 176 + r * 12, 18, 8, Fill(0xCFD8DC));
        var cat = Fill(0x111111);
        c.DrawOval(160, 180, 50, 22, cat);
        c.DrawCircle(205, 158, 18, cat);
        Path(c, cat, 192, 146, 196, 126, 206, 142);
        Path(c, cat, 208, 142, 218, 126, 220, 148);
        c.DrawCircle(199, 156, 3, Fill(0xFFEB3B));
        c.DrawCircle(212, 156, 3, Fill(0xFFEB3B));
        c.DrawLine(112, 184, 90, 150, Stroke(0x111111, 7));
    }

    public static void BallOnGrass(SKCanvas c)
    {
        Sky(c, 120);
        c.DrawCircle(270, 40, 22, Fill(0xFFEB3B));
        c.DrawCircle(150, 160, 34, Fill(0xE53935));
        c.DrawCircle(140, 148, 8, Fill(0xFFCDD2));
    }

    public static void Sailboat(SKCanvas c)
    {
        Sky(c, 140, 0x90CAF9, 0x1976D2);
        c.DrawCircle(250, 50, 26, Fill(0xFDD835));
        Path(c, Fill(0x6D4C41), 100, 150, 200, 150, 185, 170, 115, 170);
        c.DrawLine(150, 150, 150, 70, Stroke(0x5D4037, 4));
        Path(c, Fill(0xFFFFFF), 154, 75, 154, 145, 200, 145);
        Path(c, Fill(0xFAFAFA), 146, 85, 146, 145, 110, 145);
    }

    public static void House(SKCanvas c)
    {
        Sky(c, 170);
        c.DrawRect(70, 100, 130, 90, Fill(0xFAFAFA));
        Path(c, Fill(0xD32F2F), 60, 100, 210, 100, 135, 45);
        c.DrawRect(120, 140, 28, 50, Fill(0x795548));
        c.DrawRect(85, 115, 25, 22, Fill(0x81D4FA));
        c.DrawRect(160, 115, 25, 22, Fill(0x81D4FA));
        c.DrawRect(250, 120, 14, 70, Fill(0x6D4C41));
        c.DrawCircle(257, 105, 35, Fill(0x2E7D32));
    }

    public static void ThreeSquares(SKCanvas c)
    {
        for (int i = 0; i < 3; i++) c.DrawRect(35 + i * 95, 85, 70, 70, Fill(0x1E40AF));
    }

    public static void TreeAndPond(SKCanvas c)
    {
        Sky(c, 110);
        c.DrawOval(190, 175, 90, 35, Fill(0x29B6F6));
        c.DrawRect(70, 100, 18, 90, Fill(0x6D4C41));
        c.DrawCircle(79, 85, 45, Fill(0x388E3C));
    }

    public static void StopSign(SKCanvas c)
    {
        Sky(c, 160, 0xBBDEFB, 0x757575);
        c.DrawRect(0, 190, W, 8, Fill(0xFFFFFF));
        c.DrawRect(196, 110, 8, 110, Fill(0x9E9E9E));
        var oct = new List<float>();
        for (int k = 0; k < 8; k++)
        {
            double a = Math.PI / 8 + k * Math.PI / 4;
            oct.Add(200 + (float)(45 * Math.Cos(a)));
            oct.Add(80 + (float)(45 * Math.Sin(a)));
        }
        Path(c, Fill(0xC62828), [.. oct]);
        c.DrawText("STOP", 170, 89, Font(24), Fill(0xFFFFFF));
    }

    public static void Pizza(SKCanvas c)
    {
        c.DrawRect(0, 0, W, H, Fill(0x8D6E63));
        c.DrawCircle(160, 120, 100, Fill(0xFFFFFF));
        c.DrawCircle(160, 120, 80, Fill(0xE6A23C));
        c.DrawCircle(160, 120, 70, Fill(0xD84315));
        c.DrawCircle(160, 120, 62, Fill(0xFFE082));
        foreach (var (x, y) in new[] { (130f, 100f), (180f, 95f), (150f, 145f), (195f, 135f), (120f, 135f) })
            c.DrawCircle(x, y, 8, Fill(0xB71C1C));
    }

    static void Car(SKCanvas c, float x, float y, float scale, uint rgb)
    {
        c.DrawRoundRect(x, y, 120 * scale, 35 * scale, 8, 8, Fill(rgb));
        Path(c, Fill(rgb), x + 25 * scale, y, x + 40 * scale, y - 25 * scale, x + 85 * scale, y - 25 * scale, x + 100 * scale, y);
        c.DrawCircle(x + 28 * scale, y + 35 * scale, 13 * scale, Fill(0x212121));
        c.DrawCircle(x + 92 * scale, y + 35 * scale, 13 * scale, Fill(0x212121));
    }

    public static void TwoCars(SKCanvas c)
    {
        Sky(c, 120, 0xE1F5FE, 0x616161);
        Car(c, 190, 120, 0.7f, 0x1565C0);
        Car(c, 40, 150, 1.2f, 0xC62828);
    }

    public static void NumberSign(SKCanvas c)
    {
        Sky(c, 170);
        c.DrawRect(155, 120, 10, 100, Fill(0x9E9E9E));
        c.DrawRect(80, 50, 160, 80, Fill(0x2E7D32));
        c.DrawRect(86, 56, 148, 68, Stroke(0xFFFFFF, 3));
        c.DrawText("1000", 112, 105, Font(40), Fill(0xFFFFFF));
    }

    public static void ClosedBox(SKCanvas c)
    {
        c.DrawRect(0, 0, W, H, Fill(0xF5F5F5));
        c.DrawRect(90, 90, 140, 100, Fill(0xA1887F));
        Path(c, Fill(0xBCAAA4), 90, 90, 230, 90, 260, 60, 120, 60);
        Path(c, Fill(0x8D6E63), 230, 90, 260, 60, 260, 160, 230, 190);
        c.DrawLine(160, 90, 160, 190, Stroke(0x6D4C41, 4));
    }

    public static void BarChart(SKCanvas c)
    {
        c.DrawLine(40, 210, 300, 210, Stroke(0x000000, 2));
        c.DrawLine(40, 210, 40, 20, Stroke(0x000000, 2));
        var heights = new[] { 2.0f, 3.5f, 1.0f };
        for (int i = 0; i < heights.Length; i++)
        {
            float top = 210 - heights[i] * 45;
            c.DrawRect(70 + i * 80, top, 50, 210 - top, Fill(0x7E57C2));
            c.DrawText(heights[i].ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), 80 + i * 80, top - 6, Font(16), Fill(0x000000));
        }
    }

    public static void HotDog(SKCanvas c)
    {
        c.DrawRect(0, 0, W, H, Fill(0xFFFDE7));
        c.DrawRoundRect(50, 100, 220, 60, 30, 30, Fill(0xE0A96D));
        c.DrawRoundRect(40, 110, 240, 30, 15, 15, Fill(0xB5452F));
        using var mustard = new SKPath();
        mustard.MoveTo(60, 125);
        for (int k = 0; k < 8; k++) mustard.QuadTo(75 + k * 25, 112 + (k % 2) * 26, 85 + k * 25, 125);
        c.DrawPath(mustard, Stroke(0xFFD600, 5));
    }

    public static void BlurryNote(SKCanvas c)
    {
        c.DrawRect(0, 0, W, H, Fill(0x90A4AE));
        c.DrawRect(90, 50, 140, 140, Fill(0xFFFFFF));
        using var blur = new SKPaint { Color = new SKColor(0xFF1E88E5), ImageFilter = SKImageFilter.CreateBlur(6, 6), IsAntialias = true };
        for (int line = 0; line < 5; line++) c.DrawText("lorem ipsum", 105, 80 + line * 22, Font(16), blur);
    }

    public static void FiveDots(SKCanvas c)
    {
        foreach (var (x, y) in new[] { (80f, 70f), (240f, 70f), (160f, 120f), (80f, 170f), (240f, 170f) })
            c.DrawCircle(x, y, 20, Fill(0x000000));
    }

    // Parametric scenes of the COCO sample's demonstration pool.

    public static void Ball(SKCanvas c, uint rgb)
    {
        Sky(c, 120);
        c.DrawCircle(160, 165, 36, Fill(rgb));
    }

    public static void Squares(SKCanvas c, int n, uint rgb)
    {
        for (int i = 0; i < n; i++) c.DrawRect(20 + i * 75, 90, 60, 60, Fill(rgb));
    }

    public static void CarOnRoad(SKCanvas c, uint rgb)
    {
        Sky(c, 120, 0xE1F5FE, 0x616161);
        Car(c, 90, 140, 1.2f, rgb);
    }

    public static void HouseWithRoof(SKCanvas c, uint roof)
    {
        Sky(c, 170);
        c.DrawRect(70, 100, 130, 90, Fill(0xFAFAFA));
        Path(c, Fill(roof), 60, 100, 210, 100, 135, 45);
        c.DrawRect(120, 140, 28, 50, Fill(0x795548));
        c.DrawRect(250, 120, 14, 70, Fill(0x6D4C41));
        c.DrawCircle(257, 105, 35, Fill(0x2E7D32));
    }

    public static void Boat(SKCanvas c, uint sail)
    {
        Sky(c, 140, 0x90CAF9, 0x1976D2);
        Path(c, Fill(0x6D4C41), 100, 150, 200, 150, 185, 170, 115, 170);
        c.DrawLine(150, 150, 150, 70, Stroke(0x5D4037, 4));
        Path(c, Fill(sail), 154, 75, 154, 145, 200, 145);
    }

    public static void Dots(SKCanvas c, int n)
    {
        for (int i = 0; i < n; i++) c.DrawCircle(50 + i * 73, 120, 24, Fill(0x000000));
    }

    public static void FiveStars(SKCanvas c)
    {
        c.DrawRect(0, 0, W, H, Fill(0x0D1B3E));
        foreach (var (x, y) in new[] { (60f, 60f), (160f, 50f), (260f, 70f), (100f, 170f), (220f, 165f) })
        {
            var pts = new List<float>();
            for (int k = 0; k < 10; k++)
            {
                double a = -Math.PI / 2 + k * Math.PI / 5;
                float r = k % 2 == 0 ? 26 : 11;
                pts.Add(x + (float)(r * Math.Cos(a)));
                pts.Add(y + (float)(r * Math.Sin(a)));
            }
            Path(c, Fill(0xFFD54F), [.. pts]);
        }
    }
}
