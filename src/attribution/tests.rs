//! Table tests: one behaviour each, named after it.

use super::attribute_texts;

/// Speakers of each paragraph, as names.
fn names(paragraphs: &[&str]) -> Vec<Vec<String>> {
    attribute_texts(paragraphs)
        .into_iter()
        .map(|s| s.into_iter().map(|s| s.name).collect())
        .collect()
}

fn check(paragraphs: &[&str], expected: &[&[&str]]) {
    let got = names(paragraphs);
    let want: Vec<Vec<String>> = expected
        .iter()
        .map(|p| p.iter().map(|s| s.to_string()).collect())
        .collect();
    assert_eq!(got, want, "{paragraphs:#?}");
}

#[test]
fn what_may_be_said_is_not_said() {
    for text in [
        "Anna Berg will tell the conference that the plan works.",
        "Anna Berg should complain to the board, colleagues think.",
        "Anna Berg could say more about the plan.",
    ] {
        check(&[text], &[&[]]);
    }
}

#[test]
fn name_before_speech_verb() {
    check(
        &["Russian President Vladimir Putin said the plan was flawed."],
        &[&["Vladimir Putin"]],
    );
}

#[test]
fn quote_then_name_and_verb() {
    check(
        &[
            "Jane Roe met Vladimir Putin.",
            "\"We will see,\" Putin said on Monday.",
        ],
        &[&[], &["Vladimir Putin"]],
    );
}

#[test]
fn name_inside_quote_is_not_a_speaker() {
    check(
        &[
            "Donald Trump and Volodymyr Zelensky spoke.",
            "“Putin, of course, is afraid to tell President Trump directly,” Zelensky said.",
        ],
        &[&[], &["Volodymyr Zelensky"]],
    );
}

#[test]
fn told_listener_does_not_speak() {
    check(
        &["Volodymyr Zelensky told Donald Trump that the war must end."],
        &[&["Volodymyr Zelensky"]],
    );
}

#[test]
fn pronoun_after_quote_resolves_to_last_subject() {
    check(
        &[
            "Prime Minister Jane Roe arrived in Paris on Monday.",
            "\"We have work to do,\" she said.",
        ],
        &[&[], &["Jane Roe"]],
    );
}

#[test]
fn pronoun_skips_person_named_inside_the_quote() {
    check(
        &[
            "Volodymyr Zelensky met Donald Trump, but the Ukrainian was skeptical of Vladimir Putin.",
            "“Putin told you he wants a deal only because he is afraid of you,” he said.",
        ],
        &[&[], &["Volodymyr Zelensky"]],
    );
}

#[test]
fn role_noun_resolves_to_titled_person() {
    check(
        &[
            "President Donald Trump met Ukrainian President Volodymyr Zelensky.",
            "Trump said the talks went well.",
            "The president added that more talks would follow.",
        ],
        &[&[], &["Donald Trump"], &["Donald Trump"]],
    );
}

#[test]
fn organisations_offices_and_unnamed_sources_are_not_speakers() {
    check(
        &[
            "Volodymyr Zelensky arrived.",
            "Zelensky’s office declined to comment, and the White House did not immediately reply.",
            "The Kremlin said the talks were over, one source said.",
            "“It is over,” officials told Reuters.",
        ],
        &[&[], &[], &[], &[]],
    );
}

#[test]
fn apposition_between_name_and_verb() {
    check(
        &["Hugh Hill, a doctor at St Mary’s, said the ward was full."],
        &[&["Hugh Hill"]],
    );
}

#[test]
fn inverted_said_after_quote() {
    check(
        &["\"The ward is full,\" said Hugh Hill, a doctor at the hospital."],
        &[&["Hugh Hill"]],
    );
}

#[test]
fn participle_attaches_to_the_main_subject() {
    check(
        &[
            "Donald Trump met Volodymyr Zelensky.",
            "Trump reportedly acknowledged that Zelensky could be right, adding, “We will know soon.”",
        ],
        &[&[], &["Donald Trump"]],
    );
}

#[test]
fn open_quote_carries_over_to_next_paragraph() {
    check(
        &[
            "Jane Roe, the mayor, spoke on Monday.",
            "\"We will rebuild the bridge,\" Roe said. \"It will take two years and a great deal of money.",
            "\"But we have no choice, and the city knows that very well.\"",
        ],
        &[&[], &["Jane Roe"], &["Jane Roe"]],
    );
}

#[test]
fn according_to_a_named_person() {
    check(
        &["The bridge will close in May, according to Mayor Jane Roe."],
        &[&["Jane Roe"]],
    );
}

#[test]
fn several_speakers_main_first() {
    check(
        &[
            "Anna Berg and Tom Cole debated on Monday.",
            "\"The plan fails,\" Berg said, while Cole argued that it would work.",
        ],
        &[&[], &["Anna Berg", "Tom Cole"]],
    );
}

#[test]
fn fullest_form_in_the_article_is_canonical() {
    check(
        &[
            "Zelensky said the war must end.",
            "Ukrainian President Volodymyr Zelensky arrived.",
        ],
        &[&["Volodymyr Zelensky"], &[]],
    );
}

#[test]
fn countries_are_not_speakers() {
    check(
        &[
            "Ukraine has backed the deal, but insists on two stages. Russia, however, argues that all issues should be resolved.",
        ],
        &[&[]],
    );
}

#[test]
fn british_single_quotes_and_nested_quote() {
    check(
        &["‘He told me “Ask Anna Berg” twice,’ said Tom Cole, the coach. ‘I did.’"],
        &[&["Tom Cole"]],
    );
}

#[test]
fn attribution_inside_a_split_quote() {
    check(
        &["\"We are ready,\" Jane Roe added, \"but not at any price.\""],
        &[&["Jane Roe"]],
    );
    check(
        &[
            "Mayor Jane Roe opened the bridge.",
            "\"We are ready,\" Roe added, \"but not at any price.\"",
        ],
        &[&[], &["Jane Roe"]],
    );
}

#[test]
fn quote_spanning_sentences_then_pronoun() {
    check(
        &[
            "Sen. Maria Lopez spoke first.",
            "\"This bill is dead. It will not pass. Nobody wants it,\" she said.",
        ],
        &[&[], &["Maria Lopez"]],
    );
}

#[test]
fn reported_speech_forms_and_adverbs() {
    for text in [
        "Anna Berg insisted that the plan would work.",
        "Anna Berg has said the plan would work.",
        "Anna Berg reportedly told colleagues the plan would work.",
        "Anna Berg also publicly acknowledged the risks.",
        "Anna Berg tweeted that the plan would work.",
        "Anna Berg later testified that she had warned them.",
    ] {
        check(&[text], &[&["Anna Berg"]]);
    }
}

#[test]
fn fragment_with_calling_it() {
    check(
        &["Anna Berg dismissed the report, calling it \"nonsense.\""],
        &[&["Anna Berg"]],
    );
}

#[test]
fn age_and_nationality_role_nouns() {
    check(
        &[
            "Jane Roe, 45, won the race on Sunday.",
            "\"I never expected this,\" the 45-year-old said.",
        ],
        &[&[], &["Jane Roe"]],
    );
    check(
        &[
            "Ukrainian President Volodymyr Zelensky met Donald Trump.",
            "The Ukrainian told reporters the meeting went well.",
        ],
        &[&[], &["Volodymyr Zelensky"]],
    );
}

#[test]
fn groups_and_unnamed_speakers_are_not_persons() {
    for text in [
        "Senate Republicans agreed to delay the vote.",
        "Residents complained that the water was brown.",
        "\"It is a disgrace,\" a spokeswoman said.",
        "The ministry said in a statement that talks would resume.",
        "A senior diplomat, who asked not to be named, said the deal was close.",
    ] {
        check(&[text], &[&[]]);
    }
}

#[test]
fn negated_and_non_speech_uses_of_verbs() {
    check(
        &[
            "Kenzie Marshall scored 20 points.",
            "Marshall added 14 rebounds for the team.",
            "Marshall did not respond to a request for comment.",
        ],
        &[&[], &[], &[]],
    );
}

#[test]
fn pronoun_does_not_jump_over_an_unnamed_person() {
    check(
        &[
            "Jane Roe visited the front.",
            "I asked a soldier what he made of it. \"We dig,\" he said.",
        ],
        &[&[], &[]],
    );
}

#[test]
fn titles_are_stripped_from_canonical_names() {
    check(
        &["European Council President António Costa said the deal was historic."],
        &[&["António Costa"]],
    );
    check(&["\"No,\" said Rebecca Stone KC."], &[&["Rebecca Stone"]]);
}

#[test]
fn interview_answers_labelled_with_a_name() {
    check(
        &[
            "Head teacher Adaeze Okonkwo took over the school in 2021.",
            "What did you change first?",
            "Okonkwo: The photocopier. Teachers queued for it every lunch break.",
            "We also stopped pretending that behaviour was a private problem.",
            "And what about inspections?",
        ],
        &[&[], &[], &["Adaeze Okonkwo"], &["Adaeze Okonkwo"], &[]],
    );
}

#[test]
fn name_of_an_organisation_before_the_verb() {
    check(
        &[
            "Shipping analyst Henrik Aalund of Copenhagen-based Baltic Freight Research warned that the strike would spread.",
        ],
        &[&["Henrik Aalund"]],
    );
}

#[test]
fn initials_and_honorifics_with_dots() {
    check(
        &[
            "Deborah A. Pruitt took the stand on Tuesday.",
            "\"I signed what was put in front of me,\" Ms. Pruitt said.",
        ],
        &[&[], &["Deborah A. Pruitt"]],
    );
}

#[test]
fn claiming_a_victory_is_not_speech() {
    check(
        &["Cameron Tait claimed his first championship victory at Sandown on Sunday."],
        &[&[]],
    );
}

#[test]
fn live_blog_time_stamps_and_compound_titles() {
    check(
        &["22.55 BST Camila Reyes told reporters that she was calm."],
        &[&["Camila Reyes"]],
    );
    check(
        &["Singer-songwriter Maisie Doherty wrote on Instagram that artists were struggling."],
        &[&["Maisie Doherty"]],
    );
}

#[test]
fn sentence_initial_word_does_not_hide_the_subject() {
    check(
        &[
            "Gracious in defeat, Katarzyna Wróblewska paid tribute to her opponent, saying: \"She played better.\"",
        ],
        &[&["Katarzyna Wróblewska"]],
    );
}

#[test]
fn name_before_chained_of_phrases() {
    check(
        &[
            "Political analyst Fatima Essop of the University of the Witwatersrand said hung councils were normal.",
        ],
        &[&["Fatima Essop"]],
    );
}

#[test]
fn adjective_before_a_name_keeps_it_the_subject() {
    check(
        &[
            "\"I can't believe it,\" a tearful Emma Whitlock said on court.",
            "\"This is for every little girl,\" she added.",
        ],
        &[&["Emma Whitlock"], &["Emma Whitlock"]],
    );
}

#[test]
fn role_before_a_name_in_an_apposition() {
    check(
        &["One, actress Delphine Achterberg, tweeted: \"Sending all my love to you tonight.\""],
        &[&["Delphine Achterberg"]],
    );
}

#[test]
fn chinese_names_with_the_family_name_first() {
    check(
        &[
            "Prices have risen, according to Tan Wei Ming, a rice importer.",
            "\"Customers will feel it within a month or two,\" Mr Tan said.",
        ],
        &[&["Tan Wei Ming"], &["Tan Wei Ming"]],
    );
}

#[test]
fn colon_after_a_name_without_a_subject() {
    check(
        &[
            "Chief executive Rebecca Thornbury spoke at nine.",
            "09:24 – More from Thornbury: \"I want to be honest with people about this.\"",
        ],
        &[&[], &["Rebecca Thornbury"]],
    );
}

#[test]
fn a_name_first_written_in_capitals_is_canonical_in_normal_case() {
    check(
        &[
            "EMMA Whitlock won the final on Saturday.",
            "\"I keep looking at the trophy,\" Emma Whitlock said.",
        ],
        &[&[], &["Emma Whitlock"]],
    );
}

#[test]
fn participles_after_before_but_not_without() {
    check(
        &[
            "Asked about a tenth novel, Ruth Abernathy looks at the cat before answering: \"One book at a time, always.\"",
        ],
        &[&["Ruth Abernathy"]],
    );
    check(
        &[
            "Ray Dunleavy voted on the contracts without disclosing that the owner was his brother-in-law.",
        ],
        &[&[]],
    );
}

#[test]
fn an_interview_answer_does_not_run_into_narration() {
    check(
        &[
            "Head teacher Adaeze Okonkwo took over in 2021.",
            "Okonkwo: We cut the number of meetings by half.",
            "The school now has a waiting list of teachers hoping to join.",
        ],
        &[&[], &["Adaeze Okonkwo"], &[]],
    );
}

#[test]
fn one_of_the_victims_is_an_unnamed_person() {
    check(
        &[
            "Lawyer Aroha Tane represents the workers.",
            "One of the alleged victims said she had paid $18,000. \"There was no company,\" she said.",
        ],
        &[&[], &[]],
    );
}

#[test]
fn evidence_that_a_name_is_a_person() {
    // An unknown given name, but an honorific elsewhere in the article.
    check(
        &[
            "Tahnee O’Brien lives by the river.",
            "\"We heard it before we saw it,\" Ms O’Brien said.",
        ],
        &[&[], &["Tahnee O’Brien"]],
    );
    // An East Asian family name written last.
    check(
        &["Vinh Pham said the library would reopen."],
        &[&["Vinh Pham"]],
    );
    // A place word inside a name that starts with a given name.
    check(
        &["Rodrigo Lagos Vial says the early figures should be treated with caution."],
        &[&["Rodrigo Lagos Vial"]],
    );
}

#[test]
fn who_after_a_name_shows_a_person() {
    check(
        &[
            "Mercy Atieno, who runs a freight forwarding firm in Changamwe, said her containers were stuck.",
        ],
        &[&["Mercy Atieno"]],
    );
}

#[test]
fn a_given_name_that_is_also_a_title() {
    check(
        &["Dean Maskell, who chairs the prison officers’ branch, said staffing was too thin."],
        &[&["Dean Maskell"]],
    );
}

#[test]
fn capitalised_role_nouns_and_quoted_as_saying() {
    check(
        &["Volcanologist Ni Luh Putu Ariani of Gadjah Mada University said the dome worried her."],
        &[&["Ni Luh Putu Ariani"]],
    );
    check(
        &["UCI president David Lappartient was quoted by L'Equipe as saying the system works."],
        &[&["David Lappartient"]],
    );
}

#[test]
fn first_of_two_surnames_names_the_person() {
    check(
        &[
            "José Luis Ibáñez Soler lost his appeal on Monday.",
            "Ibáñez said he was devastated by the ruling.",
        ],
        &[&[], &["José Luis Ibáñez Soler"]],
    );
}

#[test]
fn an_unnamed_relative_stops_a_pronoun() {
    check(
        &[
            "Police spokeswoman Mai Nguyen said the search continued.",
            "Keating’s mother pleaded with her son. \"Please, just go to a police station,\" she said.",
        ],
        &[&["Mai Nguyen"], &[]],
    );
}

// ---- Rules learnt from real news. Each table: sentences a rule must and must not read.

#[test]
fn a_quotation_only_paragraph_goes_on_with_the_last_speaker() {
    check(
        &[
            "\"We have a plan for the harbour,\" said Councillor Ruth Adeyemi.",
            "\"It will take years, but we will rebuild it, street by street.\"",
            "\"Nobody will be left behind in the new town,\" she added.",
        ],
        &[&["Ruth Adeyemi"], &["Ruth Adeyemi"], &["Ruth Adeyemi"]],
    );
    // Not after a paragraph without a speaker, and not over another named speaker.
    check(
        &[
            "The harbour flooded again on Monday night.",
            "\"It will take years, but we will rebuild it, street by street.\"",
        ],
        &[&[], &[]],
    );
    check(
        &[
            "\"We have a plan for the harbour,\" said Councillor Ruth Adeyemi.",
            "\"The plan is far too late for us all,\" the fishermen's association said.",
        ],
        &[&["Ruth Adeyemi"], &[]],
    );
}

#[test]
fn who_has_spoken_is_who_a_later_pronoun_means() {
    check(
        &[
            "\"The budget is balanced,\" said Finance Minister Olga Brandt, standing beside Tom Reyes.",
            "Mr Reyes nodded. She said the deficit would fall by half.",
        ],
        &[&["Olga Brandt"], &["Olga Brandt"]],
    );
}

#[test]
fn ranks_and_titles_with_their_organisation() {
    for (text, name) in [
        (
            "Major Saw Lin Aung told reporters the base had fallen.",
            "Saw Lin Aung",
        ),
        (
            "Sgt. 1st Class Tuffy Latour said the team was ready.",
            "Tuffy Latour",
        ),
        (
            "Lance Cpl. Rick Hallam said the drill went well.",
            "Rick Hallam",
        ),
        (
            "Secretary of the Army Mark Esper said the museum was open.",
            "Mark Esper",
        ),
        (
            "Minister for Business Heather Lynch said the grants would rise.",
            "Heather Lynch",
        ),
        (
            "CAS Mercy Otieno said the clinics were full.",
            "Mercy Otieno",
        ),
    ] {
        check(&[text], &[&[name]]);
    }
    // Titles with no name, and an office of one qualifier and one word, are nobody.
    for text in [
        "Washington State Patrol said the road was closed.",
        "Senior Defense Official said the strike had hit its target.",
        "The union's General Secretary said talks would resume.",
    ] {
        check(&[text], &[&[]]);
    }
}

#[test]
fn surnames_that_are_common_words_are_names_after_a_given_name_or_title() {
    for (text, name) in [
        (
            "Prime Minister Theresa May said the deal was done.",
            "Theresa May",
        ),
        ("Dana W. White said the talks were frank.", "Dana W. White"),
        (
            "Jarvis Washington said the mural changed the street.",
            "Jarvis Washington",
        ),
    ] {
        check(&[text], &[&[name]]);
    }
    check(
        &[
            "Coach Gary White picked a young side.",
            "\"We fought hard,\" White said after the match.",
        ],
        &[&[], &["Gary White"]],
    );
    check(&["The White House said the visit was off."], &[&[]]);
}

#[test]
fn persons_recognised_from_how_they_are_written_about() {
    // No list knows "Jawan", but he speaks and is called by his surname.
    check(
        &[
            "\"It is the role of my life,\" said Jawan Okafor.",
            "Okafor plays a singer from Detroit, and Okafor said the part was hard.",
        ],
        &[&["Jawan Okafor"], &["Jawan Okafor"]],
    );
    // An organisation named once is not.
    check(
        &["Green Horizon said the plan would cut emissions."],
        &[&[]],
    );
}

#[test]
fn speech_acts_of_several_words_and_more_verbs() {
    for text in [
        "Anna Berg pointed out that the plan had failed twice.",
        "Anna Berg took issue with the report's figures.",
        "Anna Berg expressed concern about the delays.",
        "Anna Berg reaffirmed her support for the plan.",
        "Anna Berg thanked the volunteers for their work.",
        "In the words of Anna Berg, \"the plan is dead in the water\".",
    ] {
        check(&[text], &[&["Anna Berg"]]);
    }
}

#[test]
fn words_that_are_not_speech_here() {
    for text in [
        // A passive: the subject heard the words.
        "Anna Berg was told of the decision on Monday.",
        // A noun after a preposition.
        "The office of Anna Berg said nothing, the secretary of state wrote.",
        // Welcoming guests is no statement.
        "Anna Berg welcomed the ministers to the Pentagon.",
    ] {
        check(&[text], &[&[]]);
    }
}

#[test]
fn an_opening_descriptor_is_the_person_named_next() {
    check(
        &[
            "A senior union official has warned that the plant will close within a year.",
            "\"The company has given us no choice,\" said union official Mike Payne.",
        ],
        &[&["Mike Payne"], &["Mike Payne"]],
    );
    // Not when the source is kept unnamed.
    check(
        &[
            "A senior official, speaking on condition of anonymity, said the plant would close.",
            "\"The company has given us no choice,\" said union official Mike Payne.",
        ],
        &[&[], &["Mike Payne"]],
    );
}

#[test]
fn coordinated_speakers_all_speak() {
    check(
        &["Both Ann Muthoni and George Ouma have accused the police of delays."],
        &[&["Ann Muthoni", "George Ouma"]],
    );
    check(
        &[
            "Chair Lise Holm, Director Ola Dahl and Minister Eva Lund said in a joint statement that the fund was safe.",
        ],
        &[&["Lise Holm", "Ola Dahl", "Eva Lund"]],
    );
}

#[test]
fn role_nouns_with_modifiers_and_offices_by_initials() {
    check(
        &[
            "Rohan Mehta, SP (City), visited the scene.",
            "The SP said forensic teams were at work.",
        ],
        &[&[], &["Rohan Mehta"]],
    );
    check(
        &[
            "Toronto Maple Leafs head coach Sheldon Keefe watched from the bench.",
            "\"We were not good enough,\" the Toronto Maple Leafs head coach said.",
        ],
        &[&[], &["Sheldon Keefe"]],
    );
    // A role nobody holds goes to the person just written about.
    check(
        &[
            "Gen. Martin Dempsey said on Tuesday that ties with Israel were strong.",
            "The chairman said the two armies would train together.",
        ],
        &[&["Martin Dempsey"], &["Martin Dempsey"]],
    );
}

#[test]
fn verbs_after_relative_clauses_and_inverted_verbs_past_organisations() {
    check(
        &[
            "The plan was backed by President Xi Jinping, who went further and warned of crushed bones.",
        ],
        &[&["Xi Jinping"]],
    );
    check(
        &["\"The beat is a grind,\" recalls former VOA White House correspondent Paula Wolfson."],
        &[&["Paula Wolfson"]],
    );
}

#[test]
fn months_before_days_and_years_are_dates_not_names() {
    // "June" is a given name too, but "June 14" is a date.
    check(
        &[
            "LONDON, June 14, 2019 – Mayor Priya Lal toured the flooded streets and thanked the volunteers.",
        ],
        &[&["Priya Lal"]],
    );
    check(
        &[
            "Chancellor Olaf Brandt will meet Prime Minister Ana Costa June 15.",
            "\"We expect progress,\" Costa said on Monday.",
        ],
        &[&[], &["Ana Costa"]],
    );
    // A month alone is still read as a name where nothing marks a date.
    check(
        &["June Whitfield said she was delighted."],
        &[&["June Whitfield"]],
    );
}

#[test]
fn a_dateline_is_not_the_subject_of_the_first_sentence() {
    for text in [
        "KAMPALA, Uganda – Health Minister Jane Aceng visited the ward and warned of more cases.",
        "KAMPALA (Reuters) - Health Minister Jane Aceng visited the ward and warned of more cases.",
        "KAMPALA — Health Minister Jane Aceng visited the ward and warned of more cases.",
    ] {
        check(&[text], &[&["Jane Aceng"]]);
    }
    // A dash after a name opens an aside, not a dateline.
    check(
        &["Jane Aceng – speaking after the visit – warned of more cases."],
        &[&["Jane Aceng"]],
    );
}

#[test]
fn a_day_between_subject_and_verb() {
    for text in [
        "President of Kenya William Ruto on Tuesday said the deal was done.",
        "William Ruto late Monday told reporters the deal was done.",
        "William Ruto last Friday warned that the deal was fragile.",
    ] {
        check(&[text], &[&["William Ruto"]]);
    }
}

#[test]
fn a_role_in_an_organisation_goes_only_to_someone_written_beside_it() {
    // Ruto leads Kenya, not the SNP.
    check(
        &[
            "President of Kenya William Ruto said the deal was done.",
            "The former SNP leader hit back at critics, saying the vote was fair.",
        ],
        &[&["William Ruto"], &[]],
    );
    check(
        &[
            "Koji Sato, Toyota's chief executive, spoke after Honda boss Toshihiro Mibe.",
            "\"We will raise wages,\" the Toyota chief executive said.",
        ],
        &[&[], &["Koji Sato"]],
    );
    // Initials of the organisation count: "the LP candidate" for the Labour Party's.
    check(
        &[
            "The Labour Party candidate, Chinedu Okafor, said the council had failed.",
            "The LP candidate also promised to publish the accounts.",
        ],
        &[&["Chinedu Okafor"], &["Chinedu Okafor"]],
    );
}

#[test]
fn a_name_inside_an_of_phrase_is_not_the_subject() {
    check(
        &[
            "The political secretary of the Environment and Water Minister Jane Roe criticised the media.",
        ],
        &[&[]],
    );
    // A speech noun after a possessive is a noun: "over the minister's remarks".
    check(
        &[
            "Environment Minister Jane Roe visited the dam.",
            "Reporters asked questions over the minister’s remarks on water.",
        ],
        &[&[], &[]],
    );
}

#[test]
fn a_name_and_its_longer_form_are_one_person_either_way() {
    check(
        &[
            "Mohd Zuhdi clarified that the reports were wrong.",
            "Mohd Zuhdi Marsuki, a party official, said more on Tuesday.",
        ],
        &[&["Mohd Zuhdi Marsuki"], &["Mohd Zuhdi Marsuki"]],
    );
}

#[test]
fn speech_reported_inside_another_speakers_words_is_theirs() {
    check(
        &[
            "Environment Minister Jane Roe visited the dam.",
            "Aide Tom Hill clarified that the minister had said the work would take years.",
        ],
        &[&[], &["Tom Hill"]],
    );
    // Two clauses, two speakers.
    check(
        &["Tom Hill said the dam was safe, and Jane Roe said it was not."],
        &[&["Tom Hill", "Jane Roe"]],
    );
}

#[test]
fn malay_honorifics_are_not_part_of_the_name() {
    check(
        &["Prime Minister Datuk Seri Anwar Ibrahim said the budget was fair."],
        &[&["Anwar Ibrahim"]],
    );
    check(
        &["Water Minister Datuk Tuan Ibrahim Tuan Man said the plan would take years."],
        &[&["Tuan Ibrahim Tuan Man"]],
    );
}

#[test]
fn a_role_with_a_modifier_finds_the_person_written_beside_it() {
    // Another minister was named since: "Regional" says which one.
    check(
        &[
            "The Ashanti Regional Minister, Kofi Mensah, defended the seizure, blaming a \
             mix-up at the office of Lands Minister Peter Amewu.",
            "\"Nobody told me the permits existed,\" the Regional Minister said.",
        ],
        &[&[], &["Kofi Mensah"]],
    );
}

#[test]
fn a_name_with_a_party_tag_before_an_aside_between_dashes() {
    // Neither a dateline ("WASHINGTON (AP) –") nor a subject lost behind the parenthesis.
    for text in [
        "Sen. Ann Kerr (R-Maine) – who represents a state that voted for Democrats – \
         stated she would not ask for help.",
        "On Monday, Sen. Ann Kerr (R-Maine) — who faces a close race — explicitly stated \
         she would not ask for help.",
    ] {
        check(&[text], &[&["Ann Kerr"]]);
    }
    // A real dateline still stands apart.
    check(
        &["WASHINGTON (AP) – Ann Kerr said on Monday she would not ask for help."],
        &[&["Ann Kerr"]],
    );
}

#[test]
fn both_speak_when_the_second_has_a_descriptor_after_and() {
    check(
        &[
            "Foreign Minister Ana Diaz and her Chilean counterpart Luis Mora said on Friday \
           that the border would reopen.",
        ],
        &[&["Ana Diaz", "Luis Mora"]],
    );
    // Not across a verb: "and his team" is no descriptor of a person here.
    check(
        &["Ana Diaz left early and his deputy Luis Mora said the border would reopen."],
        &[&["Luis Mora"]],
    );
}

#[test]
fn disagreeing_and_disputing_are_speech() {
    check(
        &["Ruiz blamed the contractor. Tom Hale, reached by phone, disagreed."],
        &[&["Tom Hale"]],
    );
    check(
        &["Mary Major disputed the council's figures on Monday."],
        &[&["Mary Major"]],
    );
}

#[test]
fn according_to_a_pronoun() {
    check(
        &[
            "Finance Minister Adaeze Obi defended the budget before the chamber on Monday.",
            "According to her, the measures would halve the deficit within two years.",
            "According to her lawyer, the hearing was adjourned.",
        ],
        &[&[], &["Adaeze Obi"], &[]],
    );
}

#[test]
fn a_capitalised_verb_form_inside_a_sentence_is_a_name() {
    check(
        &[
            "President Tunde Bakare met Governor Samuel Ike of Enugu State in Abuja.",
            "The governor of Kano State, Ali Musa, said the roads would reopen.",
        ],
        &[&[], &["Ali Musa"]],
    );
}

#[test]
fn subjects_inside_what_a_report_says_do_not_speak() {
    check(
        &[
            "The governors' forum dismissed reports that President Tunde Bakare scolded them.",
            "Aides rejected claims that Mr Bakare told ministers to resign.",
        ],
        &[&[], &[]],
    );
}

#[test]
fn a_quotation_over_a_paragraph_break_is_the_speaker_named_in_its_last_part() {
    check(
        &[
            "Rovers were relegated on Saturday after a 2-0 defeat at home.",
            "\u{201c}It has not sunk in yet. We gave everything this season and it was not enough",
            "\u{201c}We will be back, I promise you that,\u{201d} captain Tamsin Hart told reporters.",
        ],
        &[&[], &["Tamsin Hart"], &["Tamsin Hart"]],
    );
    // A guess from the paragraph before gives way to the name.
    check(
        &[
            "Manager Ola Brandt said the result was unacceptable.",
            "\u{201c}It has not sunk in yet. We gave everything this season and it was not enough",
            "\u{201c}We will be back, I promise you that,\u{201d} captain Tamsin Hart told reporters.",
        ],
        &[&["Ola Brandt"], &["Tamsin Hart"], &["Tamsin Hart"]],
    );
}

#[test]
fn a_surname_that_is_also_a_word_alone() {
    check(
        &[
            "Green Party leader Edith May criticised the plan on Thursday.",
            "\"It is a betrayal of voters,\" May said.",
            "According to May, the vote was rushed.",
            "May the best plan win, officials joked.",
        ],
        &[&["Edith May"], &["Edith May"], &["Edith May"], &[]],
    );
}

#[test]
fn a_whip_is_a_title() {
    check(
        &["Minority Chief Whip Kojo Appiah says the bill will not pass."],
        &[&["Kojo Appiah"]],
    );
}

#[test]
fn apposition_of_titles_without_its_closing_comma() {
    check(
        &[
            "\"We will keep lending,\" Abena Serwaa, Group Managing Director of Coast Bank told reporters.",
            "The bank, Coast Holdings said, would expand.",
        ],
        &[&["Abena Serwaa"], &[]],
    );
}

#[test]
fn pronoun_reaches_two_paragraphs_back() {
    check(
        &[
            "Coach Ines Duarte named her squad for the qualifiers on Friday.",
            "The team plays Portugal in Lisbon next month.",
            "She added that two young defenders would make their debuts.",
            "Ticket prices rose by a third this season.",
            "The stadium holds 50,000 people.",
            "Parking will be limited on the day.",
            "She also said the coaching staff would change.",
        ],
        &[&[], &[], &["Ines Duarte"], &[], &[], &[], &[]],
    );
}

#[test]
fn role_before_the_organisation_it_is_held_in() {
    check(
        &[
            "The chief executive of the Adu Trust, Esi Manu, opened the new wing.",
            "The CEO of the trust said the scholarships would double next year.",
        ],
        &[&[], &["Esi Manu"]],
    );
}

#[test]
fn a_subject_right_after_a_speech_verb_is_inside_the_report() {
    check(
        &[
            "Governor Musa Bello spoke to reporters after the meeting on Tuesday.",
            "He said President Tunde Bakare asked the governors to wait for the report.",
        ],
        &[&[], &["Musa Bello"]],
    );
}

#[test]
fn capitalised_words_and_a_comma_opening_the_paragraph() {
    // Overflowed (a panic in debug builds) looking for "of" before the first word.
    check(
        &["Acme Holdings, Jane Roe said, would close the plant."],
        &[&["Jane Roe"]],
    );
}

/// A paragraph's lowercase words as attribution makes them, and each token lowercased alone.
fn lowercase_both_ways(text: &str) -> (Vec<String>, Vec<String>) {
    use super::{Lowercase, entities, tokens};
    let tokens = tokens::tokenize(text);
    let lowercase = Lowercase::new(text, &tokens);
    let words = lowercase
        .words(&tokens)
        .into_iter()
        .map(String::from)
        .collect();
    let alone = tokens
        .iter()
        .map(|t| entities::lowercase(&text[t.start..t.end]).into())
        .collect();
    (words, alone)
}

#[test]
fn a_paragraphs_lowercase_words_are_its_tokens_lowercased() {
    for text in [
        "",
        "Putin SAID, “We are close.”",
        "İstanbul’s mayor ΟΔΥΣΣΕΑΣ said Žižek told ǅemal",
        "Ümit said: « Non ».",
        "ΣΟΦΙΑΣ said ΟΔΥΣΣΕΑΣ’s view",
        "ǅemal said",
        "ǅEMAL said",
        "Mayor İSTANBUL said",
        "ΆΝΝΑ Ørsted ÉLODIE said “Ça va”",
    ] {
        let (words, alone) = lowercase_both_ways(text);
        assert_eq!(words, alone, "{text}");
    }
}

proptest::proptest! {
    /// The same on any text, with the letters whose lowercase is unusual made common.
    #[test]
    fn any_paragraphs_lowercase_words_are_its_tokens_lowercased(
        text in "([A-Za-z ,.’'\"“”-]|Σ|σ|ǅ|ǆ|İ|ẞ|Ω|Ω|Å|Ǻ|É|ü|Ά|ﬀ|K|Ⅻ|ᾈ){0,40}",
    ) {
        let (words, alone) = lowercase_both_ways(&text);
        proptest::prop_assert_eq!(words, alone);
    }
}

#[test]
fn speech_acts_of_several_words_that_carry_words() {
    check(
        &[
            "Senator Ada Obi cast doubt on the figures, saying they were old.",
            "Union leader Femi Bello is kicking against the new levy.",
            "Mayor Lena Park lashed out at the council over the delays.",
            "Finance Minister Raj Patel poured cold water on hopes of a tax cut.",
            "Coach Tom Reyes raised concerns over the state of the pitch.",
            "Dr. Maria Kwan sounded the alarm about rising cases.",
            "Governor Sam Lee voiced support for the plan.",
        ],
        &[
            &["Ada Obi"],
            &["Femi Bello"],
            &["Lena Park"],
            &["Raj Patel"],
            &["Tom Reyes"],
            &["Maria Kwan"],
            &["Sam Lee"],
        ],
    );
    // The same words in other senses carry nobody's words.
    check(
        &[
            "Ada Obi cast a vote in the morning.",
            "Tom Reyes raised the flag at dawn.",
            "Femi Bello sounded tired after the match.",
        ],
        &[&[], &[], &[]],
    );
}
